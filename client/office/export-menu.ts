import { LitElement, html } from 'lit';
import { actionButtonStyles } from '../styles/action-button.styles.ts';
import { I18nController } from '../i18n/i18n-controller.ts';
import { downloadExport, type ExportFormat } from './download-export.ts';
import { officeText } from './office-texts.ts';

/**
 * 导出 Word / 导出 Excel buttons for one document (`doc-id`) or one of its saved versions (`version`, a
 * version id; empty or `current` for the live document). The file comes from the server's export route in
 * the official layout; a failure is shown beside the buttons.
 */
export class ExportMenu extends LitElement {
  static override properties = { docId: { attribute: 'doc-id' }, version: {}, busy: { state: true }, error: { state: true } };
  static override styles = actionButtonStyles;

  /** The document to export. */
  declare docId: string;
  /** A version id to export that version; empty or `current` for the live document. */
  declare version: string;
  declare busy: boolean;
  declare error: string;

  constructor() {
    super();
    new I18nController(this);
    this.docId = '';
    this.version = '';
    this.busy = false;
    this.error = '';
  }

  override render() {
    const button = (format: ExportFormat, label: string) => html`<button type="button" data-testid="export-${format}" title=${officeText('exportTitle')}
      ?disabled=${this.busy || this.docId === ''} @click=${() => void this.#export(format)}>${label}</button>`;
    return html`${button('docx', officeText('exportWord'))}${button('xlsx', officeText('exportExcel'))}
      ${this.error === '' ? '' : html`<span class="error" role="alert">${officeText('exportFailed')}${this.error}</span>`}`;
  }

  async #export(format: ExportFormat): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      await downloadExport(this.docId, this.version, format);
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('export-menu', ExportMenu);

declare global {
  interface HTMLElementTagNameMap {
    'export-menu': ExportMenu;
  }
}
