import { LitElement, css, html, nothing } from 'lit';
import type { ApiClient } from '../api/api-client.ts';
import type { DocSummary, User } from '../api/api-schemas.ts';
import { errorMessage } from '../api/error-message.ts';
import { I18nController } from '../i18n/i18n-controller.ts';
import { currentLanguage, t } from '../i18n/i18n.ts';
import { CONTENT_EDITORS, hasRole } from '../../shared/review/workflow.ts';
import '../import/doc-import.ts';

function formatUpdated(updatedAt: DocSummary['updatedAt']): string {
  if (updatedAt === null || updatedAt === undefined) return '';
  const date = new Date(updatedAt);
  if (Number.isNaN(date.getTime())) return String(updatedAt);
  return new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** The documents the user may open, each linking to its editor. */
export class DocListPage extends LitElement {
  static override properties = {
    api: { attribute: false },
    user: { attribute: false },
    docs: { state: true },
    error: { state: true },
  };
  static override styles = css`
    :host { display: block; max-width: 80rem; margin: 0 auto; padding: 1.5rem; }
    table { width: 100%; border-collapse: collapse; background: var(--jx-surface); }
    th, td { text-align: left; padding: 0.6rem 0.8rem; border-bottom: 1px solid var(--jx-grid-line); }
    th { background: var(--jx-muted-surface); font-weight: 600; }
    a { color: var(--jx-accent); text-decoration: none; font-weight: 500; }
    a:hover { text-decoration: underline; }
    .muted { color: var(--jx-muted); }
    .error { color: var(--jx-danger); }
    .top { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.5rem; margin-bottom: 1rem; }
    h1 { margin: 0; }
  `;

  /** Client of the server to list documents from. */
  declare api: ApiClient | null;
  /** The signed-in user; owners and editors may import documents. */
  declare user: User | null;
  /** The documents; undefined while loading. */
  declare docs: DocSummary[] | undefined;
  declare error: string;

  constructor() {
    super();
    new I18nController(this);
    this.api = null;
    this.user = null;
    this.docs = undefined;
    this.error = '';
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
    const canImport = !!this.user && hasRole(this.user.role, CONTENT_EDITORS);
    return html`<div class="top"><h1>${t('docs.title')}</h1>
        ${canImport ? html`<doc-import .api=${this.api} @doc-imported=${() => this.#load()}></doc-import>` : nothing}</div>
      <table data-testid="doc-list">
        <thead><tr><th>${t('docs.colTitle')}</th><th>${t('docs.colYear')}</th><th>${t('docs.colDepartment')}</th><th>${t('docs.colUpdated')}</th></tr></thead>
        <tbody>
          ${this.docs.map(
            (d) => html`<tr data-testid="doc-row-${d.id}">
              <td><a href="/docs/${encodeURIComponent(d.id)}" data-testid="doc-link-${d.id}">${d.title || t('doc.untitled')}</a></td>
              <td>${d.year ?? ''}</td>
              <td>${d.department.name}${d.department.region ? html` <span class="muted">${d.department.region}</span>` : nothing}</td>
              <td class="muted">${formatUpdated(d.updatedAt)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${this.docs.length === 0 ? html`<p class="muted">${t('docs.empty')}</p>` : nothing}`;
  }
}

customElements.define('doc-list-page', DocListPage);

declare global {
  interface HTMLElementTagNameMap {
    'doc-list-page': DocListPage;
  }
}
