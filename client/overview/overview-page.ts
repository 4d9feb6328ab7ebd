import { LitElement, html, nothing } from 'lit';
import type { OverviewRow } from '../../shared/overview/overview-row.ts';
import { DOC_STATUSES, type DocStatus } from '../../shared/review/workflow.ts';
import { comparePath } from '../compare/compare-path.ts';
import { formatTime } from '../i18n/format-time.ts';
import { I18nController } from '../i18n/i18n-controller.ts';
import { t, type MessageKey } from '../i18n/i18n.ts';
import { fieldStyles } from '../styles/field.styles.ts';
import { OverviewController } from './overview-controller.ts';
import { overviewPageStyles } from './overview-page.styles.ts';
import { arrangeRows, countStatuses, nextSort, overviewChoices, SORT_KEYS, type OverviewFilter, type OverviewSort, type SortKey } from './overview-table.ts';

const COLUMN_LABELS: Record<SortKey, MessageKey> = {
  department: 'overview.colDepartment',
  title: 'overview.colTitle',
  year: 'overview.colYear',
  status: 'overview.colStatus',
  errors: 'overview.colErrors',
  warnings: 'overview.colWarnings',
  openThreads: 'overview.colOpenThreads',
  updatedAt: 'overview.colUpdated',
  submittedAt: 'overview.colSubmitted',
};
const NUMERIC = new Set<SortKey>(['year', 'errors', 'warnings', 'openThreads']);

/**
 * The finance bureau's overview (`/overview`): every document in the person's reach with its
 * status, findings, open comments, last change and submission, live as people edit and submit;
 * sortable by every column, narrowed by status, department, year and a search; each row opens
 * the document and compares it with its last submitted version.
 */
export class OverviewPage extends LitElement {
  static override properties = { getToken: { attribute: false }, filter: { state: true }, sort: { state: true } };
  static override styles = [fieldStyles, overviewPageStyles];

  /** The bearer token to use now (re-read at every reconnection). */
  declare getToken: () => string | null;
  declare filter: OverviewFilter;
  declare sort: OverviewSort;
  readonly #live: OverviewController;

  constructor() {
    super();
    new I18nController(this);
    this.getToken = () => null;
    this.filter = { query: '', status: '', department: '', year: '' };
    this.sort = { key: 'updatedAt', direction: 'descending' };
    this.#live = new OverviewController(this, window.location.origin, () => this.getToken());
  }

  override render() {
    const live = this.#live;
    if (live.state === 'refused') return html`<p class="error" role="alert">${live.refusedStatus === 401 ? t('signIn.invalidToken') : t('doc.notFound')}</p>`;
    if (!live.rows) return html`<p class="muted">${t('overview.loading')}</p>`;
    const shown = arrangeRows(live.rows, this.filter, this.sort);
    return html`<div class="top"><h1>${t('overview.title')}</h1>
        <span class="live ${live.state}" data-testid="overview-live" data-state=${live.state}>${live.state === 'live' ? t('overview.live') : t('overview.reconnecting')}</span></div>
      ${this.#counts(live.rows)} ${this.#filters(live.rows, shown.length)}
      <table data-testid="overview-table">
        <caption class="muted">${live.rows.length === 0 ? t('overview.empty') : shown.length === 0 ? t('overview.noMatch') : nothing}</caption>
        <thead><tr>${SORT_KEYS.map((key) => this.#header(key))}<th class="plain" scope="col">${t('overview.colActions')}</th></tr></thead>
        <tbody>${shown.map((row) => this.#row(row))}</tbody>
      </table>`;
  }

  #counts(rows: readonly OverviewRow[]) {
    const toggle = (status: DocStatus) => (this.filter = { ...this.filter, status: this.filter.status === status ? '' : status });
    return html`<ul class="counts" aria-label=${t('overview.statusCounts')} data-testid="overview-counts">
      ${countStatuses(rows).map(({ status, count }) => html`<li><button data-testid="overview-count-${status}" aria-pressed=${this.filter.status === status ? 'true' : 'false'} @click=${() => toggle(status)}>${t(`workflow.statuses.${status}`)}<b>${count}</b></button></li>`)}
    </ul>`;
  }

  #filters(rows: readonly OverviewRow[], shown: number) {
    const { departments, years } = overviewChoices(rows);
    const set = (patch: Partial<OverviewFilter>) => (this.filter = { ...this.filter, ...patch });
    const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;
    const option = (v: string, label: string, selected: boolean) => html`<option value=${v} ?selected=${selected}>${label}</option>`;
    return html`<div class="filters" role="search">
      <label>${t('overview.search')}<input type="search" data-testid="overview-search" placeholder=${t('overview.searchPlaceholder')} .value=${this.filter.query} @input=${(e: Event) => set({ query: value(e) })} /></label>
      <label>${t('overview.filterStatus')}<select data-testid="overview-filter-status" .value=${this.filter.status} @change=${(e: Event) => set({ status: value(e) as DocStatus | '' })}>
        ${option('', t('overview.allStatuses'), this.filter.status === '')}${DOC_STATUSES.map((s) => option(s, t(`workflow.statuses.${s}`), this.filter.status === s))}</select></label>
      <label>${t('overview.filterDepartment')}<select data-testid="overview-filter-department" @change=${(e: Event) => set({ department: value(e) })}>
        ${option('', t('overview.allDepartments'), this.filter.department === '')}${departments.map((d) => option(d, d, this.filter.department === d))}</select></label>
      <label>${t('overview.filterYear')}<select data-testid="overview-filter-year" @change=${(e: Event) => set({ year: value(e) })}>
        ${option('', t('overview.allYears'), this.filter.year === '')}${years.map((y) => option(y, y, this.filter.year === y))}</select></label>
      <span class="shown" data-testid="overview-shown" aria-live="polite">${t('overview.shown', { shown, count: rows.length })}</span>
    </div>`;
  }

  #header(key: SortKey) {
    const sorted = this.sort.key === key ? this.sort.direction : 'none';
    return html`<th scope="col" class=${NUMERIC.has(key) ? 'num' : ''} aria-sort=${sorted} data-testid="overview-col-${key}">
      <button title=${t('overview.sortHint')} @click=${() => (this.sort = nextSort(this.sort, key))}>${t(COLUMN_LABELS[key])}<span class="arrow" aria-hidden="true">${sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : ''}</span></button>
    </th>`;
  }

  #row(r: OverviewRow) {
    const title = r.title || t('doc.untitled');
    const count = (n: number, cls: string) => (n ? html`<span class=${cls}>${n}</span>` : html`<span class="muted">0</span>`);
    return html`<tr data-testid="overview-row-${r.id}" class=${this.#live.changed.has(r.id) ? 'changed' : ''}>
      <td>${r.department.name}</td>
      <th scope="row" class="name"><a href="/docs/${encodeURIComponent(r.id)}" data-testid="overview-open">${title}</a></th>
      <td class="num">${r.year ?? ''}</td>
      <td><span class="status ${r.status}" data-testid="overview-status">${t(`workflow.statuses.${r.status}`)}</span></td>
      <td class="num" data-testid="overview-errors">${count(r.errors, 'errors')}</td>
      <td class="num" data-testid="overview-warnings">${count(r.warnings, 'warnings')}</td>
      <td class="num" data-testid="overview-threads">${count(r.openThreads, 'threads')}</td>
      <td data-testid="overview-updated">${formatTime(r.updatedAt)}${r.updatedBy ? html`<span class="who">${r.updatedBy.name}</span>` : nothing}</td>
      <td data-testid="overview-submitted">${r.submittedAt ? formatTime(r.submittedAt) : html`<span class="muted">${t('overview.never')}</span>`}</td>
      <td>${r.submittedVersion
        ? html`<a href=${comparePath(r.id, r.submittedVersion, 'current')} data-testid="overview-compare" aria-label=${t('overview.compareLabel', { title })}>${t('overview.compare')}</a>`
        : html`<span class="disabled" data-testid="overview-compare" aria-disabled="true" title=${t('overview.neverSubmitted')}>${t('overview.compare')}</span>`}</td>
    </tr>`;
  }
}

customElements.define('overview-page', OverviewPage);

declare global {
  interface HTMLElementTagNameMap {
    'overview-page': OverviewPage;
  }
}
