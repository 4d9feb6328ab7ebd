import { LitElement, css, html, nothing } from 'lit';
import type { ImportResponse } from '../api/api-schemas.ts';
import { I18nController } from '../i18n/i18n-controller.ts';
import { t } from '../i18n/i18n.ts';
import { localized } from '../i18n/localized.ts';
import { fieldStyles } from '../styles/field.styles.ts';
import type { TextFileEncoding } from './decode-text-file.ts';

/** What the dialog shows: a finished import, or why it failed. */
type Shown =
  | { kind: 'report'; fileName: string; encoding: TextFileEncoding; response: ImportResponse }
  | { kind: 'error'; fileName: string; message: string };

const LAYOUTS = ['pdf-lines', 'tsv', 'cell-lines', 'markdown'] as const;

function layoutLabel(layout: string): string {
  const known = LAYOUTS.find((l) => l === layout);
  return known ? t(`import.layouts.${known}`) : layout;
}

/**
 * The modal report after an import: the detected layout, how many projects and indicator rows
 * were read, and every place the importer guessed at (source line, note, source text), with a
 * link to the new document. Also shows why an import failed.
 */
export class ImportReportDialog extends LitElement {
  static override properties = { shown: { state: true } };
  static override styles = [
    fieldStyles,
    css`
      dialog { width: min(56rem, calc(100vw - 2rem)); max-height: calc(100vh - 4rem); padding: 0; border: 1px solid var(--jx-border); border-radius: 6px; }
      dialog::backdrop { background: rgb(0 0 0 / 0.35); }
      .body { padding: 1rem 1.25rem; overflow-y: auto; max-height: calc(100vh - 10rem); }
      h2 { margin: 0 0 0.75rem; font-size: 1.2rem; }
      dl { display: grid; grid-template-columns: auto 1fr; gap: 0.3rem 1rem; margin: 0 0 1rem; }
      dt { color: var(--jx-muted); }
      dd { margin: 0; }
      h3 { font-size: 1rem; margin: 1rem 0 0.4rem; }
      table { width: 100%; border-collapse: collapse; font-size: 0.9rem; }
      th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--jx-grid-line); }
      th { background: var(--jx-muted-surface); }
      td.line { white-space: nowrap; color: var(--jx-muted); font-variant-numeric: tabular-nums; }
      td.raw { font-family: ui-monospace, monospace; white-space: pre-wrap; overflow-wrap: anywhere; color: var(--jx-muted); }
      .note { color: var(--jx-warn); }
      footer { display: flex; justify-content: flex-end; gap: 0.5rem; padding: 0.75rem 1.25rem; border-top: 1px solid var(--jx-border); }
      a.primary { padding: 0.35rem 0.9rem; border-radius: 4px; background: var(--jx-accent); color: white; text-decoration: none; }
    `,
  ];

  declare shown: Shown | null;

  constructor() {
    super();
    new I18nController(this);
    this.shown = null;
  }

  /** Opens the dialog on the report of a finished import. */
  async showReport(fileName: string, encoding: TextFileEncoding, response: ImportResponse): Promise<void> {
    await this.#open({ kind: 'report', fileName, encoding, response });
  }

  /** Opens the dialog on why importing `fileName` failed. */
  async showError(fileName: string, message: string): Promise<void> {
    await this.#open({ kind: 'error', fileName, message });
  }

  override render() {
    const shown = this.shown;
    return html`<dialog aria-labelledby="title" data-testid="import-dialog" @close=${() => (this.shown = null)}>
      ${shown ? html`<div class="body">${shown.kind === 'report' ? this.#report(shown) : this.#error(shown)}</div>` : nothing}
      <footer>
        ${shown?.kind === 'report'
          ? html`<a class="primary" href="/docs/${encodeURIComponent(shown.response.id)}" data-testid="import-open">${t('import.open')}</a>`
          : nothing}
        <button data-testid="import-close" @click=${() => this.#dialog?.close()}>${t('import.close')}</button>
      </footer>
    </dialog>`;
  }

  #report(shown: Extract<Shown, { kind: 'report' }>) {
    const { report } = shown.response;
    return html`<h2 id="title">${t('import.reportTitle')}</h2>
      <dl data-testid="import-summary">
        <dt>${t('import.file')}</dt><dd>${shown.fileName}</dd>
        <dt>${t('import.layout')}</dt><dd data-testid="import-layout">${layoutLabel(report.layout)}</dd>
        <dt>${t('import.projects')}</dt><dd data-testid="import-projects">${report.projects}</dd>
        <dt>${t('import.indicators')}</dt><dd data-testid="import-indicators">${report.indicators}</dd>
        <dt>${t('import.guesses')}</dt><dd data-testid="import-guess-count">${report.guesses.length}</dd>
      </dl>
      ${shown.encoding === 'gb18030' ? html`<p class="note">${t('import.gb18030')}</p>` : nothing}
      <h3>${t('import.guessesTitle')}</h3>
      ${report.guesses.length === 0
        ? html`<p>${t('import.noGuesses')}</p>`
        : html`<table data-testid="import-guesses">
            <thead><tr><th>${t('import.colLine')}</th><th>${t('import.colMessage')}</th><th>${t('import.colRaw')}</th></tr></thead>
            <tbody>${report.guesses.map((g) => html`<tr><td class="line">${g.line}</td><td>${localized(g)}</td><td class="raw">${g.raw ?? ''}</td></tr>`)}</tbody>
          </table>`}`;
  }

  #error(shown: Extract<Shown, { kind: 'error' }>) {
    return html`<h2 id="title">${t('import.failedTitle')}</h2>
      <p>${t('import.file')}：${shown.fileName}</p>
      <p class="error" role="alert" data-testid="import-error">${shown.message}</p>`;
  }

  get #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  async #open(shown: Shown): Promise<void> {
    this.shown = shown;
    await this.updateComplete;
    const dialog = this.#dialog;
    if (dialog && !dialog.open) dialog.showModal();
  }
}

customElements.define('import-report-dialog', ImportReportDialog);

declare global {
  interface HTMLElementTagNameMap {
    'import-report-dialog': ImportReportDialog;
  }
}
