import { LitElement, css, html, nothing } from 'lit';
import type { ApiClient } from '../api/api-client.ts';
import { errorMessage } from '../api/error-message.ts';
import type { RequestProgress } from '../api/send-with-progress.ts';
import { I18nController } from '../i18n/i18n-controller.ts';
import { DocImportedEvent } from '../events.ts';
import { t } from '../i18n/i18n.ts';
import { fieldStyles } from '../styles/field.styles.ts';
import { decodeTextFile } from './decode-text-file.ts';
import { isBinaryOfficeFile } from '../office/office-file.ts';
import './import-report-dialog.ts';

/** Where an import is: 读取中 → 上传中 (with a share) → 解析中, or nothing under way. */
type Stage = { name: 'idle' } | { name: 'reading' } | { name: 'uploading'; fraction: number } | { name: 'parsing' };

function hasFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/**
 * Imports a Word/PDF text export as a new document: a button with a file picker, or a file
 * dropped anywhere on the page. Shows the stage and upload progress, then the import report.
 * Fires `doc-imported` with the new id.
 */
export class DocImport extends LitElement {
  static override properties = { api: { attribute: false }, stage: { state: true }, dragging: { state: true } };
  static override styles = [
    fieldStyles,
    css`
      :host { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; }
      .hint { color: var(--jx-muted); font-size: 0.85rem; }
      .progress { display: inline-flex; align-items: center; gap: 0.5rem; font-size: 0.9rem; }
      progress { width: 8rem; }
      .drop {
        position: fixed;
        inset: 0;
        z-index: 10;
        display: grid;
        place-items: center;
        font-size: 1.4rem;
        color: var(--jx-accent);
        background: rgb(255 255 255 / 0.85);
        outline: 4px dashed var(--jx-accent);
        outline-offset: -1.5rem;
        pointer-events: none;
      }
    `,
  ];

  /** Client of the server to import into. */
  declare api: ApiClient | null;
  declare stage: Stage;
  declare dragging: boolean;

  constructor() {
    super();
    new I18nController(this);
    this.api = null;
    this.stage = { name: 'idle' };
    this.dragging = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('dragover', this.#onDragOver);
    window.addEventListener('dragleave', this.#onDragLeave);
    window.addEventListener('drop', this.#onDrop);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('dragover', this.#onDragOver);
    window.removeEventListener('dragleave', this.#onDragLeave);
    window.removeEventListener('drop', this.#onDrop);
  }

  override render() {
    const busy = this.stage.name !== 'idle';
    return html`<button class="primary" data-testid="import-button" ?disabled=${busy} @click=${() => this.#picker?.click()}>${t('import.button')}</button>
      <input type="file" hidden accept=".docx,.xlsx,.txt,.md,.tsv,.csv,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" data-testid="import-file" @change=${this.#onPicked} />
      ${busy ? this.#progress() : html`<span class="hint">${t('import.hint')}</span>`}
      ${this.dragging ? html`<div class="drop" data-testid="import-drop">${t('import.drop')}</div>` : nothing}
      <import-report-dialog></import-report-dialog>`;
  }

  #progress() {
    const stage = this.stage;
    const label =
      stage.name === 'reading' ? t('import.reading')
      : stage.name === 'uploading' ? t('import.uploading', { percent: Math.round(stage.fraction * 100) })
      : t('import.parsing');
    const value = stage.name === 'uploading' ? Math.round(stage.fraction * 100) : nothing;
    return html`<span class="progress" role="status" data-testid="import-progress">
      <progress max="100" value=${value} aria-label=${t('import.progressLabel')}></progress>${label}
    </span>`;
  }

  get #picker(): HTMLInputElement | null {
    return this.renderRoot.querySelector('input[type="file"]');
  }

  #onPicked(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    // Cleared so that picking the same file again imports it again.
    input.value = '';
    if (file) void this.#import(file);
  }

  readonly #onDragOver = (event: DragEvent): void => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    this.dragging = true;
  };

  readonly #onDragLeave = (event: DragEvent): void => {
    // relatedTarget is null only when the drag leaves the window.
    if (event.relatedTarget === null) this.dragging = false;
  };

  readonly #onDrop = (event: DragEvent): void => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    this.dragging = false;
    const file = event.dataTransfer?.files[0];
    if (file && this.stage.name === 'idle') void this.#import(file);
  };

  async #import(file: File): Promise<void> {
    const api = this.api;
    const dialog = this.renderRoot.querySelector('import-report-dialog');
    if (!api || !dialog) return;
    try {
      this.stage = { name: 'reading' };
      const bytes = new Uint8Array(await file.arrayBuffer());
      // Office files (zip, OLE) go to the server as bytes: it recognises them by content.
      const { text, encoding } = isBinaryOfficeFile(bytes) ? { text: bytes, encoding: 'utf-8' as const } : decodeTextFile(bytes);
      this.stage = { name: 'uploading', fraction: 0 };
      const response = await api.importDoc(text, (p: RequestProgress) => {
        this.stage = p.stage === 'uploading' ? { name: 'uploading', fraction: p.fraction } : { name: 'parsing' };
      });
      this.stage = { name: 'idle' };
      this.dispatchEvent(new DocImportedEvent(response.id));
      await dialog.showReport(file.name, encoding, response);
    } catch (error) {
      this.stage = { name: 'idle' };
      await dialog.showError(file.name, errorMessage(error));
    }
  }
}

customElements.define('doc-import', DocImport);

declare global {
  interface HTMLElementTagNameMap {
    'doc-import': DocImport;
  }
}
