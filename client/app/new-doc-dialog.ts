import { LitElement, css, html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { ApiClient } from '../api/api-client.ts';
import type { DocSummary } from '../api/api-schemas.ts';
import { errorMessage } from '../api/error-message.ts';
import { I18nController } from '../i18n/i18n-controller.ts';
import { t } from '../i18n/i18n.ts';
import { fieldStyles } from '../styles/field.styles.ts';
import { makeBlankBudgetText } from '../../shared/model/blank-budget-text.ts';
import { NavigateEvent } from './navigate-event.ts';

/**
 * 新建: a modal dialog that creates a document from the blank template (title, year, department)
 * or as a copy of a listed document (title), then opens it. Server refusals are shown in the
 * dialog and leave it open.
 */
export class NewDocDialog extends LitElement {
  static override properties = { api: { attribute: false }, docs: { attribute: false }, mode: { state: true }, source: { state: true }, error: { state: true }, busy: { state: true } };
  static override styles = [
    fieldStyles,
    css`
      dialog { width: min(32rem, calc(100vw - 2rem)); border: 1px solid var(--jx-border); border-radius: 8px; padding: 1rem 1.2rem; box-shadow: 0 10px 30px rgb(0 0 0 / 0.25); }
      dialog::backdrop { background: rgb(0 0 0 / 0.3); }
      h2 { margin: 0 0 0.8rem; font-size: 1.05rem; }
      form { display: grid; gap: 0.7rem; }
      fieldset { display: flex; gap: 1.2rem; border: 0; padding: 0; margin: 0; }
      legend { color: var(--jx-muted); font-size: 0.9rem; margin-bottom: 0.3rem; }
      fieldset label { display: inline-flex; gap: 0.35rem; align-items: center; min-height: 24px; }
      input[type='radio'] { width: auto; }
      label.field { display: grid; gap: 0.3rem; color: var(--jx-muted); font-size: 0.9rem; }
      .buttons { display: flex; justify-content: flex-end; gap: 0.5rem; margin-top: 0.4rem; }
      .error { color: var(--jx-danger); margin: 0; }
    `,
  ];

  /** Client of the server to create documents with. */
  declare api: ApiClient | null;
  /** Documents that may be copied. */
  declare docs: readonly DocSummary[];
  declare mode: 'template' | 'copy';
  declare source: string;
  declare error: string;
  declare busy: boolean;

  constructor() {
    super();
    new I18nController(this);
    this.api = null;
    this.docs = [];
    this.mode = 'template';
    this.source = '';
    this.error = '';
    this.busy = false;
  }

  /** Opens the dialog, starting from the blank template. */
  async open(): Promise<void> {
    this.mode = 'template';
    this.source = this.docs[0]?.id ?? '';
    this.error = '';
    await this.updateComplete;
    // Not form.reset(): it would also undo what the template (radio, year) shows.
    for (const input of this.renderRoot.querySelectorAll<HTMLInputElement>('input[name="title"], input[name="department"]')) input.value = '';
    const year = this.renderRoot.querySelector<HTMLInputElement>('input[name="year"]');
    if (year) year.value = String(new Date().getFullYear());
    this.renderRoot.querySelector<HTMLInputElement>('input[value="template"]')!.checked = true;
    this.renderRoot.querySelector('dialog')?.showModal();
    this.renderRoot.querySelector<HTMLInputElement>('input[name="department"]')?.focus();
  }

  override render() {
    const year = new Date().getFullYear();
    return html`<dialog aria-labelledby="new-doc-title" data-testid="new-doc-dialog" @close=${() => (this.busy = false)}>
      <h2 id="new-doc-title">${t('docs.newTitle')}</h2>
      <form @submit=${this.#submit}>
        <fieldset><legend>${t('docs.newFrom')}</legend>
          <label><input type="radio" name="mode" value="template" .checked=${live(this.mode === 'template')} @change=${() => (this.mode = 'template')} />${t('docs.fromTemplate')}</label>
          <label><input type="radio" name="mode" value="copy" data-testid="new-doc-copy" .checked=${live(this.mode === 'copy')} ?disabled=${this.docs.length === 0} @change=${() => (this.mode = 'copy')} />${t('docs.fromCopy')}</label>
        </fieldset>
        ${this.mode === 'copy'
          ? html`<label class="field">${t('docs.source')}<select name="source" data-testid="new-doc-source" @change=${(e: Event) => (this.source = (e.target as HTMLSelectElement).value)}>
              ${this.docs.map((d) => html`<option value=${d.id} ?selected=${d.id === this.source}>${d.title || t('doc.untitled')}</option>`)}</select></label>`
          : html`<label class="field">${t('docs.docDepartment')}<input name="department" required maxlength="100" autocomplete="organization" /></label>
              <label class="field">${t('docs.docYear')}<input name="year" type="number" min="1990" max="2100" required .value=${String(year)} /></label>`}
        <label class="field">${t('docs.docTitle')}<input name="title" maxlength="200" ?required=${this.mode === 'template'} /></label>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <div class="buttons">
          <button type="button" @click=${() => this.renderRoot.querySelector('dialog')?.close()}>${t('docs.cancel')}</button>
          <button type="submit" class="primary" data-testid="new-doc-create" ?disabled=${this.busy}>${t('docs.create')}</button>
        </div>
      </form>
    </dialog>`;
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const api = this.api;
    if (!api || this.busy) return;
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    this.busy = true;
    this.error = '';
    try {
      const id = this.mode === 'copy'
        ? await api.copyDoc(this.source, text('title') || undefined)
        : await api.createDoc(makeBlankBudgetText({ title: text('title'), year: Number(text('year')), department: { code: '', name: text('department'), region: null } }));
      this.renderRoot.querySelector('dialog')?.close();
      this.dispatchEvent(new NavigateEvent(`/docs/${encodeURIComponent(id)}`));
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('new-doc-dialog', NewDocDialog);

declare global {
  interface HTMLElementTagNameMap {
    'new-doc-dialog': NewDocDialog;
  }
}
