import { LitElement, css, html, nothing } from 'lit';
import type { ApiClient } from '../api/api-client.ts';
import type { DocSummary, User } from '../api/api-schemas.ts';
import { errorMessage } from '../api/error-message.ts';
import { I18nController } from '../i18n/i18n-controller.ts';
import { currentLanguage, t } from '../i18n/i18n.ts';
import { fieldStyles } from '../styles/field.styles.ts';
import { CONTENT_EDITORS, hasRole } from '../../shared/review/workflow.ts';
import { filterChoices, filterDocs, type DocListFilter } from './doc-list-filter.ts';
import type { NewDocDialog } from './new-doc-dialog.ts';
import '../import/doc-import.ts';
import './new-doc-dialog.ts';

function formatUpdated(updatedAt: DocSummary['updatedAt']): string {
  if (updatedAt === null || updatedAt === undefined) return '';
  const date = new Date(updatedAt);
  if (Number.isNaN(date.getTime())) return String(updatedAt);
  return new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/**
 * The documents the user may open, each linking to its editor, with its workflow status and
 * error count; search and year/department filters; 新建 (template or copy) and 导入 for owners and editors.
 */
export class DocListPage extends LitElement {
  static override properties = {
    api: { attribute: false },
    user: { attribute: false },
    docs: { state: true },
    error: { state: true },
    filter: { state: true },
  };
  static override styles = [
    fieldStyles,
    css`
      :host { display: block; max-width: 80rem; margin: 0 auto; padding: 1.5rem; }
      table { width: 100%; border-collapse: collapse; background: var(--jx-surface); }
      th, td { text-align: left; padding: 0.6rem 0.8rem; border-bottom: 1px solid var(--jx-grid-line); }
      th { background: var(--jx-muted-surface); font-weight: 600; white-space: nowrap; }
      td.num { text-align: right; font-variant-numeric: tabular-nums; }
      a { color: var(--jx-accent); text-decoration: none; font-weight: 500; }
      a:hover { text-decoration: underline; }
      .muted { color: var(--jx-muted); }
      .error { color: var(--jx-danger); }
      .top { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; margin-bottom: 1rem; }
      h1 { margin: 0; margin-right: auto; }
      .filters { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; margin-bottom: 0.8rem; }
      .filters label { display: inline-flex; gap: 0.4rem; align-items: center; color: var(--jx-muted); font-size: 0.9rem; }
      .filters input[type='search'] { width: 16rem; }
      .filters select { width: auto; }
      .count { margin-left: auto; font-size: 0.85rem; }
      .status { display: inline-block; padding: 0.1rem 0.5rem; border-radius: 999px; font-size: 0.85rem; white-space: nowrap; background: var(--jx-muted-surface); }
      .status.submitted { background: #e3edfb; color: #1d4f91; }
      .status.returned { background: #fdecea; color: #a12622; }
      .status.approved { background: #e5f4ea; color: #1f6b36; }
      .errors { color: var(--jx-danger); font-weight: 600; }
    `,
  ];

  /** Client of the server to list documents from. */
  declare api: ApiClient | null;
  /** The signed-in user; owners and editors may create and import documents. */
  declare user: User | null;
  /** The documents; undefined while loading. */
  declare docs: DocSummary[] | undefined;
  declare error: string;
  declare filter: DocListFilter;

  constructor() {
    super();
    new I18nController(this);
    this.api = null;
    this.user = null;
    this.docs = undefined;
    this.error = '';
    this.filter = { query: '', year: '', department: '' };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#load();
  }

  #load(): void {
    this.api?.listDocs().then(
      (docs) => (this.docs = docs),
      (error: unknown) => (this.error = errorMessage(error)),
    );
  }

  override render() {
    if (this.error) return html`<p class="error" role="alert">${this.error}</p>`;
    if (!this.docs) return html`<p class="muted">${t('docs.loading')}</p>`;
    const canCreate = !!this.user && hasRole(this.user.role, CONTENT_EDITORS);
    const shown = filterDocs(this.docs, this.filter);
    return html`<div class="top"><h1>${t('docs.title')}</h1>
        ${canCreate
          ? html`<button class="primary" data-testid="new-doc" @click=${() => void this.renderRoot.querySelector<NewDocDialog>('new-doc-dialog')?.open()}>${t('docs.new')}</button>
              <doc-import .api=${this.api} @doc-imported=${() => this.#load()}></doc-import>
              <new-doc-dialog .api=${this.api} .docs=${this.docs}></new-doc-dialog>`
          : nothing}</div>
      ${this.#filters(shown.length)}
      <table data-testid="doc-list">
        <thead><tr><th>${t('docs.colTitle')}</th><th>${t('docs.colYear')}</th><th>${t('docs.colDepartment')}</th><th>${t('docs.colStatus')}</th><th>${t('docs.colErrors')}</th><th>${t('docs.colUpdated')}</th></tr></thead>
        <tbody>${shown.map((d) => this.#row(d))}</tbody>
      </table>
      ${this.docs.length === 0 ? html`<p class="muted">${t('docs.empty')}</p>` : shown.length === 0 ? html`<p class="muted" data-testid="doc-list-none">${t('docs.noMatch')}</p>` : nothing}`;
  }

  #filters(shown: number) {
    const { years, departments } = filterChoices(this.docs ?? []);
    const set = (patch: Partial<DocListFilter>) => (this.filter = { ...this.filter, ...patch });
    const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;
    return html`<div class="filters" role="search">
      <label>${t('docs.search')}<input type="search" data-testid="doc-search" placeholder=${t('docs.searchPlaceholder')} .value=${this.filter.query} @input=${(e: Event) => set({ query: value(e) })} /></label>
      <label>${t('docs.filterYear')}<select data-testid="doc-filter-year" @change=${(e: Event) => set({ year: value(e) })}>
        <option value="">${t('docs.allYears')}</option>${years.map((y) => html`<option value=${y} ?selected=${y === this.filter.year}>${y}</option>`)}</select></label>
      <label>${t('docs.filterDepartment')}<select data-testid="doc-filter-department" @change=${(e: Event) => set({ department: value(e) })}>
        <option value="">${t('docs.allDepartments')}</option>${departments.map((d) => html`<option value=${d} ?selected=${d === this.filter.department}>${d}</option>`)}</select></label>
      <span class="count muted" data-testid="doc-count" aria-live="polite">${t('docs.shown', { shown, count: this.docs?.length ?? 0 })}</span>
    </div>`;
  }

  #row(d: DocSummary) {
    return html`<tr data-testid="doc-row-${d.id}">
      <td><a href="/docs/${encodeURIComponent(d.id)}" data-testid="doc-link-${d.id}">${d.title || t('doc.untitled')}</a></td>
      <td>${d.year ?? ''}</td>
      <td>${d.department.name}${d.department.region ? html` <span class="muted">${d.department.region}</span>` : nothing}</td>
      <td><span class="status ${d.status}" data-testid="doc-status">${t(`workflow.statuses.${d.status}`)}</span></td>
      <td class="num" data-testid="doc-errors">${d.errors ? html`<span class="errors" title=${t('docs.errorCount', { count: d.errors })}>${d.errors}</span>` : html`<span class="muted" title=${t('docs.noErrors')}>0</span>`}</td>
      <td class="muted">${formatUpdated(d.updatedAt)}</td>
    </tr>`;
  }
}

customElements.define('doc-list-page', DocListPage);

declare global {
  interface HTMLElementTagNameMap {
    'doc-list-page': DocListPage;
  }
}
