import type * as Y from 'yjs';
import { editText, type TextRef } from '../../shared/model/index.ts';
import { diffWithCaret, mapIndexThroughDelta, type DeltaOp } from './text-edit.ts';

/** What a {@link YTextBinding} asks of its owner, read at the moment of each edit. */
export interface YTextBindingOptions {
  /** Transaction origin of this tab's edits: changes with it are not echoed back into the textarea. */
  origin(): unknown;
  /** While true, typing and pasting change nothing in the Y.Text. */
  readonly(): boolean;
  /** After the textarea and the Y.Text were brought together; `edited`: the user's change was written. */
  synced(edited: boolean): void;
}

/**
 * Binds a plain `<textarea>` to a collaborative Y.Text, framework-free (as Lit's virtualizer keeps
 * `Virtualizer` apart from its element). The user's typing becomes minimal character edits, so
 * colleagues typing elsewhere in the same text keep their characters; a colleague's edit keeps
 * this user's caret and selection where they belong. The textarea's value is set imperatively:
 * re-rendering it would throw the caret away, and touching it mid-composition would abort an IME.
 */
export class YTextBinding {
  /** The bound text. */
  readonly text: Y.Text;
  readonly #area: HTMLTextAreaElement;
  readonly #doc: Y.Doc;
  readonly #ref: TextRef;
  readonly #options: YTextBindingOptions;
  // What the textarea showed when it last equalled the Y.Text; local edits are diffed against it.
  #base = '';
  #composing = false;
  // Remote changes that arrived during an IME composition, applied to the textarea afterwards.
  #pendingDeltas: DeltaOp[][] = [];

  constructor(area: HTMLTextAreaElement, doc: Y.Doc, ref: TextRef, text: Y.Text, options: YTextBindingOptions) {
    this.#area = area;
    this.#doc = doc;
    this.#ref = ref;
    this.text = text;
    this.#options = options;
    this.#showText(null);
  }

  /** Starts following the Y.Text and the textarea (again after {@link disconnect}). */
  connect(): void {
    this.text.observe(this.#onTextChange);
    this.#area.addEventListener('input', this.#onInput);
    this.#area.addEventListener('compositionstart', this.#onCompositionStart);
    this.#area.addEventListener('compositionend', this.#onCompositionEnd);
    this.#area.addEventListener('paste', this.#onPaste);
  }

  /** Stops following both; the textarea keeps what it shows. */
  disconnect(): void {
    this.text.unobserve(this.#onTextChange);
    this.#area.removeEventListener('input', this.#onInput);
    this.#area.removeEventListener('compositionstart', this.#onCompositionStart);
    this.#area.removeEventListener('compositionend', this.#onCompositionEnd);
    this.#area.removeEventListener('paste', this.#onPaste);
  }

  readonly #onTextChange = (event: Y.YTextEvent, transaction: Y.Transaction): void => {
    const origin = this.#options.origin();
    if (transaction.origin === origin && origin !== null) return;
    this.#pendingDeltas.push(event.delta as DeltaOp[]);
    if (!this.#composing) this.#applyLocalEdit();
  };

  readonly #onInput = (event: Event): void => {
    if (!this.#composing && !(event as InputEvent).isComposing) this.#applyLocalEdit();
  };

  readonly #onCompositionStart = (): void => {
    this.#composing = true;
  };

  readonly #onCompositionEnd = (): void => {
    this.#composing = false;
    this.#applyLocalEdit();
  };

  /** A paste inserts the clipboard's plain text: tables and formatting copied from Word or Excel stay out. */
  readonly #onPaste = (event: ClipboardEvent): void => {
    const text = event.clipboardData?.getData('text/plain');
    if (this.#options.readonly() || !text) return;
    event.preventDefault();
    const area = this.#area;
    area.setRangeText(text.replace(/\r\n?/g, '\n'), area.selectionStart, area.selectionEnd, 'end');
    this.#applyLocalEdit();
  };

  /**
   * Brings the textarea and the Y.Text together: the user's change since `#base` is written as
   * one character edit, placed after the remote changes that arrived meanwhile.
   */
  #applyLocalEdit(): void {
    const area = this.#area;
    const deltas = this.#pendingDeltas;
    this.#pendingDeltas = [];
    const mapThrough = (index: number, assoc: -1 | 1) => deltas.reduce((i, d) => mapIndexThroughDelta(i, d, assoc), index);
    const edit = this.#options.readonly() ? null : diffWithCaret(this.#base, area.value, area.selectionEnd);
    let selection: [number, number] = [mapThrough(area.selectionStart, -1), mapThrough(area.selectionEnd, -1)];
    if (edit) {
      const start = mapThrough(edit.index, 1);
      const end = Math.max(start, mapThrough(edit.index + edit.deleteCount, -1));
      editText(this.#doc, this.#ref, start, end - start, edit.insert, this.#options.origin());
      const caret = start + edit.insert.length;
      selection = [caret, caret];
    }
    this.#showText(deltas.length > 0 ? selection : null);
    this.#options.synced(edit !== null);
  }

  /** Shows the Y.Text; `selection` (when given and the textarea has focus) is restored afterwards. */
  #showText(selection: [number, number] | null): void {
    const area = this.#area;
    const value = this.text.toString();
    this.#base = value;
    if (area.value === value) return;
    area.value = value;
    if (selection && (area.getRootNode() as Document | ShadowRoot).activeElement === area) area.setSelectionRange(selection[0], selection[1]);
  }
}
