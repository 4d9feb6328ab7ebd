import { LitElement, css, html, type PropertyValues } from 'lit';
import type { UndoHistory } from './undo-history.ts';
import { I18nController } from '../i18n/i18n-controller.ts';
import { UndoController } from './undo-controller.ts';
import { t } from '../i18n/i18n.ts';

/** Undo and redo buttons of a document's toolbar; they take back only this user's own changes. */
export class UndoButtons extends LitElement {
  static override properties = { history: { attribute: false }, readonly: { type: Boolean } };
  static override styles = css`
    :host { display: inline-flex; gap: 0.3rem; }
    button { font: inherit; font-size: 0.85rem; cursor: pointer; padding: 0.15rem 0.6rem; border: 1px solid var(--jx-border); border-radius: 4px; background: var(--jx-surface); color: inherit; }
    button:disabled { cursor: default; color: var(--jx-muted); }
    button:not(:disabled):hover { border-color: var(--jx-accent); }
  `;

  /** The session's undo history. */
  declare history: UndoHistory | null;
  /** Hides nothing but disables both buttons. */
  declare readonly: boolean;

  readonly #undo = new UndoController(this);

  constructor() {
    super();
    new I18nController(this);
    this.history = null;
    this.readonly = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('history')) this.#undo.setHistory(this.history);
  }

  override render() {
    const h = this.history;
    // mousedown would move focus away from the cell being worked on; keep it there.
    const keepFocus = (e: MouseEvent) => e.preventDefault();
    return html`<button data-testid="undo-button" title=${t('undo.undoTitle')} ?disabled=${this.readonly || !h?.canUndo} @mousedown=${keepFocus} @click=${() => h?.undo()}>↶ ${t('undo.undo')}</button>
      <button data-testid="redo-button" title=${t('undo.redoTitle')} ?disabled=${this.readonly || !h?.canRedo} @mousedown=${keepFocus} @click=${() => h?.redo()}>↷ ${t('undo.redo')}</button>`;
  }
}

customElements.define('undo-buttons', UndoButtons);

declare global {
  interface HTMLElementTagNameMap {
    'undo-buttons': UndoButtons;
  }
}
