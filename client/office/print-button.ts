import { LitElement, css, html } from 'lit';
import type * as Y from 'yjs';
import { toBudgetJson } from '../../shared/model/index.ts';
import { I18nController } from '../i18n/i18n-controller.ts';
import { officeText } from './office-texts.ts';
import { PrintLayout } from './print-layout.ts';

/**
 * The 打印 button of a document, and what makes Ctrl+P print the document rather than the screen: before any
 * print (button or browser menu) the document model is laid out in the body-level <print-layout>
 * (print-template.ts) — every project, not only those the lazy on-screen grid has rendered — and after
 * printing it is cleared.
 */
export class PrintButton extends LitElement {
  static override properties = { doc: { attribute: false } };
  static override styles = css`
    button { font: inherit; font-size: 0.85rem; cursor: pointer; padding: 0.15rem 0.6rem; border: 1px solid var(--jx-border); border-radius: 4px; background: var(--jx-surface); color: inherit; }
    button:not(:disabled):hover { border-color: var(--jx-accent); }
  `;

  /** The open document's Y.Doc. */
  declare doc: Y.Doc | null;

  constructor() {
    super();
    new I18nController(this);
    this.doc = null;
  }

  readonly #fill = (): void => {
    if (this.doc !== null) PrintLayout.ensure().fill(toBudgetJson(this.doc));
  };

  readonly #clear = (): void => {
    document.querySelector('body > print-layout')?.replaceChildren();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeprint', this.#fill);
    window.addEventListener('afterprint', this.#clear);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeprint', this.#fill);
    window.removeEventListener('afterprint', this.#clear);
    this.#clear();
  }

  override render() {
    return html`<button type="button" data-testid="print" ?disabled=${this.doc === null} @click=${() => {
      this.#fill();
      window.print();
    }}>${officeText('print')}</button>`;
  }
}

customElements.define('print-button', PrintButton);

declare global {
  interface HTMLElementTagNameMap {
    'print-button': PrintButton;
  }
}
