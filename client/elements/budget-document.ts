import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { OVERVIEW_SECTIONS, metaMap, projectsMap, readString, sortedEntries } from '../../shared/model/index.ts';
import type { User } from '../api/api-schemas.ts';
import { DocSession } from '../collab/doc-session.ts';
import { AwarenessController } from '../controllers/awareness-controller.ts';
import { I18nController } from '../controllers/i18n-controller.ts';
import { SessionController } from '../controllers/session-controller.ts';
import { YDocController, type ObservedEvent } from '../controllers/ydoc-controller.ts';
import type { CursorChangeEvent } from '../events.ts';
import { t } from '../i18n/i18n.ts';
import { budgetDocumentStyles } from './budget-document-styles.ts';
import './indicator-grid.ts';
import './narrative-section.ts';
import './presence-bar.ts';
import './project-header.ts';
import './sync-status.ts';

/**
 * One open 部门预算绩效文本: opens a {@link DocSession} for `docId` and shows the title, the
 * narrative sections of 第一部分 and, per project in order, its header and indicator grid.
 * Everything is live: edits of colleagues appear as they type, and so do they (presence).
 */
export class BudgetDocument extends LitElement {
  static override properties = {
    docId: { attribute: 'doc-id' },
    token: { attribute: false },
    wsBase: { attribute: false },
    user: { attribute: false },
    session: { state: true },
  };
  static override styles = budgetDocumentStyles;

  /** Id of the document to open. */
  declare docId: string;
  /** Bearer token the collaboration server checks. */
  declare token: string;
  /** `ws(s)://host` of the collaboration server. */
  declare wsBase: string;
  /** The signed-in user, shown to this tab in the presence bar. */
  declare user: User | null;
  declare session: DocSession | null;

  readonly #state = new SessionController(this);
  readonly #awareness = new AwarenessController(this);
  // The list of projects and the title: cells re-render inside their own elements.
  readonly #changes = new YDocController(this, (events) => events.some((e) => this.#affectsOutline(e)));

  constructor() {
    super();
    new I18nController(this);
    this.docId = '';
    this.token = '';
    this.wsBase = '';
    this.user = null;
    this.session = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('docId') || changed.has('token') || changed.has('wsBase') || (!this.session && this.isConnected)) this.#open();
    else if (changed.has('user') && this.user) this.session?.setLocalUser(this.user);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#close();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.session) this.requestUpdate();
  }

  override render() {
    const session = this.session;
    const state = this.#state.state;
    if (!session || !state) return nothing;
    const doc = session.doc;
    const meta = metaMap(doc);
    const year = meta.get('year');
    const readonly = state.readonly;
    return html`<header>
        <div class="heading">
          <h1 data-testid="doc-title">${readString(meta, 'title') || (state.loaded ? t('doc.untitled') : '')}</h1>
          <p class="meta">${typeof year === 'number' ? t('doc.year', { year }) : ''} ${readString(meta, 'deptName')}</p>
        </div>
        <div class="status">
          <sync-status .session=${session}></sync-status>
          ${readonly ? html`<span class="readonly" data-testid="readonly-badge">${t('doc.readonly')}</span>` : nothing}
        </div>
        <presence-bar .peers=${this.#awareness.peers} self-client-id=${doc.clientID}></presence-bar>
      </header>
      ${state.authError
        ? html`<p class="error" role="alert" data-testid="doc-error">${t('doc.authFailed', { reason: state.authError })} <a href="/signin">${t('signIn.title')}</a></p>`
        : nothing}
      ${state.loaded ? this.#body(readonly) : html`<p class="muted">${t('doc.loading')}</p>`}`;
  }

  #body(readonly: boolean) {
    const session = this.session;
    if (!session) return nothing;
    const { doc, origin } = session;
    const peers = this.#awareness.peers;
    const projects = sortedEntries(projectsMap(doc));
    return html`<main @cursor-change=${(e: CursorChangeEvent) => session.setCursor(e.cursor)}>
      <section class="part">
        <h2>${t('doc.partOne')}</h2>
        ${OVERVIEW_SECTIONS.map((s) => html`<narrative-section .doc=${doc} .origin=${origin} section=${s} .peers=${peers} ?readonly=${readonly}></narrative-section>`)}
      </section>
      <section class="part">
        <h2>${t('doc.partTwo')}</h2>
        ${projects.length === 0 ? html`<p class="muted">${t('doc.noProjects')}</p>` : nothing}
        ${repeat(projects, (p) => p.id, (p, i) => {
          const name = readString(p.map, 'name');
          return html`<article class="project" data-testid="project-${p.id}">
            <h3>${i + 1}. ${name || t('project.untitled')} <small>${t('project.table')}</small></h3>
            <project-header .doc=${doc} .origin=${origin} project-id=${p.id} ?readonly=${readonly}></project-header>
            <indicator-grid .doc=${doc} .origin=${origin} project-id=${p.id} project-name=${name} .peers=${peers} ?readonly=${readonly}></indicator-grid>
          </article>`;
        })}
      </section>
    </main>`;
  }

  #open(): void {
    this.#close();
    if (this.docId && this.token && this.wsBase && this.isConnected) {
      this.session = new DocSession({ wsBase: this.wsBase, docId: this.docId, token: this.token, user: this.user });
    }
    const session = this.session;
    this.#state.setSession(session);
    this.#awareness.setAwareness(session?.awareness ?? null);
    this.#changes.observe(session ? [metaMap(session.doc), projectsMap(session.doc)] : []);
  }

  #close(): void {
    this.session?.destroy();
    this.session = null;
  }

  #affectsOutline(event: ObservedEvent): boolean {
    const doc = this.session?.doc;
    if (!doc) return false;
    const projects = projectsMap(doc);
    if (event.target === metaMap(doc) || event.target === projects) return true;
    return event.target.parent === projects && (event.keys.has('order') || event.keys.has('name'));
  }
}

customElements.define('budget-document', BudgetDocument);

declare global {
  interface HTMLElementTagNameMap {
    'budget-document': BudgetDocument;
  }
}
