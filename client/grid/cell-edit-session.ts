import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { canonicalCategory } from '../../shared/rules/indicator-hierarchy.ts';
import type { CellAssist } from './cell-assist.ts';
import type { ChoicePickEvent } from '../events.ts';
import { t } from '../i18n/i18n.ts';
import { isChoiceField } from './cell-choices.ts';
import type { CellRef } from './grid-cursor.ts';

/** What the grid wires into an open cell editor. */
export interface CellEditorHandlers {
  onInput(event: Event): void;
  onBlur(): void;
  onPick(value: string): void;
}

/**
 * The one cell being edited in a grid: which cell (by row id — a colleague may move or delete
 * rows meanwhile), the draft, and the allowed values of a controlled column. The draft is not
 * reactive state: a keystroke updates only the `<cell-assist>` under the editor, never the grid.
 */
export class CellEditSession {
  #target: CellRef | null = null;
  #draft = '';
  #choices: string[] = [];

  /** The cell being edited, or null. */
  get target(): CellRef | null {
    return this.#target;
  }

  /** Opens the editor on `target` with `text` and, for 一级/二级, the allowed `choices`. */
  open(target: CellRef, text: string, choices: string[]): void {
    this.#target = target;
    this.#draft = text;
    this.#choices = choices;
  }

  /** Ends editing without a value (Esc, or the row is gone). */
  cancel(): void {
    this.#target = null;
  }

  /**
   * Ends editing and returns the value to write. A controlled cell gets the canonical spelling
   * when that is an allowed value (数量 → 数量指标).
   */
  close(): { target: CellRef; value: string } | null {
    const target = this.#target;
    if (!target) return null;
    this.#target = null;
    const canonical = canonicalCategory(this.#draft.trim());
    return { target, value: isChoiceField(target.field) && this.#choices.includes(canonical) ? canonical : this.#draft };
  }

  /** Takes what the editor holds now and shows it to the assist (hint or filtered list). */
  input(value: string, assist: CellAssist | null): void {
    this.#draft = value;
    if (assist) assist.text = value;
  }

  /**
   * ↑/↓ move through the list of allowed values; Enter or Tab on a highlighted value takes it
   * (the grid then commits as usual). True when the key was used up here.
   */
  handleKey(event: KeyboardEvent, assist: CellAssist | null): boolean {
    if (!assist || event.isComposing || event.altKey || event.ctrlKey || event.metaKey) return false;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!assist.moveHighlight(event.key === 'ArrowDown' ? 1 : -1)) return false;
      event.preventDefault();
      return true;
    }
    const choice = (event.key === 'Enter' || event.key === 'Tab') && assist.highlightedChoice;
    if (choice) this.#draft = choice;
    return false;
  }

  /** Takes a value picked from the list with the mouse. */
  pick(value: string): void {
    this.#draft = value;
  }

  /** The editor (a textarea, so Alt+Enter can break lines) with its assist. */
  render(handlers: CellEditorHandlers): TemplateResult | null {
    const field = this.#target?.field;
    if (!field) return null;
    return html`<textarea class="editor" aria-label=${t(`grid.${field}`)} data-native-undo .value=${live(this.#draft)}
        @input=${handlers.onInput} @blur=${handlers.onBlur}></textarea>
      <cell-assist .field=${field} .text=${this.#draft} .choices=${this.#choices} @choice-pick=${(e: ChoicePickEvent) => handlers.onPick(e.value)}></cell-assist>`;
  }
}
