import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import type * as Y from 'yjs';
import type { Finding } from '../../shared/rules/index.ts';
import { resolveText, type TextRef } from '../../shared/model/index.ts';
import type { Thread } from '../../shared/review/review-types.ts';
import type { CollabCursor, Peer, RelativePositionJson } from '../collab/peer.ts';
import { decodeTextPosition, encodeTextSelection } from '../collab/text-selection.ts';
import { CursorChangeEvent } from '../events.ts';
import { I18nController } from '../i18n/i18n-controller.ts';
import { t } from '../i18n/i18n.ts';
import { fieldStyles } from '../styles/field.styles.ts';
import { findingStyles } from '../validation/finding.styles.ts';
import { findingMark } from '../validation/finding-marks.ts';
import type { TextMark } from './overlay-segments.ts';
import { YTextBinding } from './ytext-binding.ts';
import './text-carets.ts';

/**
 * A textarea bound to a collaborative Y.Text (a narrative section, 资金用途, 绩效目标) through a
 * {@link YTextBinding}; this element adds the label, validation marks, colleagues' carets and
 * commented ranges drawn over the text, and tells colleagues where this user's caret is.
 */
export class YTextArea extends LitElement {
  static override properties = {
    doc: { attribute: false },
    textRef: { attribute: false },
    origin: { attribute: false },
    label: {},
    readonly: { type: Boolean },
    testid: {},
    findings: { attribute: false },
    peers: { attribute: false },
    comments: { attribute: false },
  };
  static override styles = [
    fieldStyles,
    findingStyles,
    css`
      :host { display: block; }
      .wrap { position: relative; }
      textarea { display: block; min-height: 4.5rem; }
      textarea[class*='finding-'] + text-carets { --mirror-border: 1px 1px 1px 3px; }
    `,
  ];

  /** The document holding the text. */
  declare doc: Y.Doc | null;
  /** Which text of the document this area edits. */
  declare textRef: TextRef | null;
  /** Transaction origin of this tab's edits. */
  declare origin: unknown;
  /** Accessible name of the textarea. */
  declare label: string;
  /** Shows the text without letting the user change it. */
  declare readonly: boolean;
  /** `data-testid` of the textarea. */
  declare testid: string;
  /** Validation findings about this text: they mark the textarea and describe it. */
  declare findings: readonly Finding[];
  /** Colleagues whose cursor may be in this text: their carets and selections are drawn over it. */
  declare peers: readonly Peer[];
  /** Comment threads on ranges of this text: open ones are tinted over it, moving with the text. */
  declare comments: readonly Thread[];

  #binding: YTextBinding | null = null;

  constructor() {
    super();
    new I18nController(this);
    this.doc = null;
    this.textRef = null;
    this.origin = null;
    this.label = '';
    this.readonly = false;
    this.testid = '';
    this.findings = [];
    this.peers = [];
    this.comments = [];
  }

  override render() {
    const mark = findingMark(this.findings);
    return html`<div class="wrap"><textarea
      class=${mark.className}
      aria-label=${this.label}
      aria-invalid=${mark.invalid ? 'true' : nothing}
      aria-describedby=${mark.description ? 'findings' : nothing}
      data-testid=${this.testid}
      ?readonly=${this.readonly}
      @focus=${this.#publishSelection}
      @select=${this.#publishSelection}
      @keyup=${this.#publishSelection}
      @mouseup=${this.#publishSelection}
      @scroll=${this.#syncScroll}
      @blur=${() => this.dispatchEvent(new CursorChangeEvent(null))}
    ></textarea>${this.#overlay()}</div><span id="findings" hidden>${mark.description}</span>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('doc') && !changed.has('textRef')) return;
    const text = this.doc && this.textRef ? resolveText(this.doc, this.textRef) : null;
    if (text === this.#text) return;
    this.#binding?.disconnect();
    const area = this.#textarea;
    this.#binding = text && area && this.doc && this.textRef ? new YTextBinding(area, this.doc, this.textRef, text, this.#bindingOptions) : null;
    this.#binding?.connect();
    if (!this.#binding && area) area.value = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#binding?.connect();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#binding?.disconnect();
  }

  get #text(): Y.Text | null {
    return this.#binding?.text ?? null;
  }

  readonly #bindingOptions = {
    origin: () => this.origin,
    readonly: () => this.readonly,
    synced: (edited: boolean) => {
      // Colleagues' carets and commented ranges are drawn over the text: they move with it.
      if (this.peers.length > 0 || this.comments.length > 0) this.requestUpdate();
      if (edited) this.#publishSelection();
    },
  };

  /** The selected range of the textarea as `[start, end]` (equal when nothing is selected). */
  get selectionRange(): [number, number] {
    const area = this.#textarea;
    return area ? [area.selectionStart, area.selectionEnd] : [0, 0];
  }

  get #textarea(): HTMLTextAreaElement | null {
    return this.renderRoot.querySelector('textarea');
  }

  /** Tells colleagues where this user's caret and selection are, as positions that survive their typing. */
  readonly #publishSelection = (): void => {
    const ref = this.textRef;
    const area = this.#textarea;
    if (!ref || !area || this.shadowRoot?.activeElement !== area) return;
    const backward = area.selectionDirection === 'backward';
    const [anchor, head] = backward ? [area.selectionEnd, area.selectionStart] : [area.selectionStart, area.selectionEnd];
    const selection = this.#text ? encodeTextSelection(this.#text, anchor, head) : {};
    const cursor: CollabCursor = 'section' in ref ? { section: ref.section, ...selection } : { project: ref.project, field: ref.field, ...selection };
    this.dispatchEvent(new CursorChangeEvent(cursor));
  };

  #overlay() {
    const marks = [...this.#remoteMarks(), ...this.#commentMarks()];
    if (marks.length === 0) return nothing;
    return html`<text-carets .text=${this.#textarea?.value ?? this.#text?.toString() ?? ''} .marks=${marks}></text-carets>`;
  }

  /**
   * Open threads' ranges, read from their relative positions in the live text (so they move as
   * anyone types), drawn like a selection with a 批注 tag at its end; gone or empty ranges are left out.
   */
  #commentMarks(): Array<TextMark & { sub: string }> {
    const text = this.#text;
    const doc = this.doc;
    if (!text || !doc) return [];
    return this.comments.flatMap((thread, i) => {
      const anchor = thread.anchor;
      if (thread.status !== 'open' || anchor.kind !== 'text') return [];
      const from = decodeTextPosition(doc, text, anchor.from as RelativePositionJson);
      const to = decodeTextPosition(doc, text, anchor.to as RelativePositionJson);
      if (from === null || to === null || to <= from) return [];
      return [{ clientId: -1 - i, sub: `comment-${thread.id}`, name: t('review.tabs.comments'), color: COMMENT_COLOR, anchor: from, head: to }];
    });
  }

  /** Colleagues' carets and selections in this text, as indices of the current text. */
  #remoteMarks(): Array<TextMark & { sub: string }> {
    const ref = this.textRef;
    const text = this.#text;
    if (!ref || !text || !this.doc) return [];
    const marks: Array<TextMark & { sub: string }> = [];
    for (const p of this.peers) {
      const c = p.cursor;
      if (!c || p.clientId === this.doc.clientID) continue;
      const here = 'section' in ref ? 'section' in c && c.section === ref.section : 'project' in c && c.project === ref.project && c.field === ref.field;
      if (!here) continue;
      const head = decodeTextPosition(this.doc, text, c.head);
      if (head === null) continue;
      const anchor = decodeTextPosition(this.doc, text, c.anchor) ?? head;
      marks.push({ clientId: p.clientId, sub: p.sub, name: p.name, color: p.color, anchor, head });
    }
    return marks;
  }

  #syncScroll(): void {
    const carets = this.renderRoot.querySelector('text-carets');
    if (carets && this.#textarea) carets.style.setProperty('--scroll-top', `${this.#textarea.scrollTop}px`);
  }
}

/** Tint of commented ranges: the comment markers' amber. */
const COMMENT_COLOR = '#d89c00';

customElements.define('ytext-area', YTextArea);

declare global {
  interface HTMLElementTagNameMap {
    'ytext-area': YTextArea;
  }
}
