import type * as Y from 'yjs';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { OVERVIEW_SECTIONS, applyBudgetOps, indicatorsOf, metaMap, projectFieldOfKey, projectsMap, readString, setDocSettings } from '../../shared/model/index.ts';
import type { Finding } from '../../shared/rules/index.ts';
import type { User } from '../api/api-schemas.ts';
import { DocSession, RefusedEvent, type SessionState } from '../collab/doc-session.ts';
import { takeEarlySession } from '../collab/early-session.ts';
import { elementReady } from '../lazy-element.ts';
import { grantLock, RefusalKeeper } from './refusal-keeper.ts';
import type { Peer } from '../collab/peer.ts';
import { PeerGroups } from '../collab/peer-groups.ts';
import { AwarenessController } from '../collab/awareness-controller.ts';
import { I18nController } from '../i18n/i18n-controller.ts';
import { FindShortcutController } from '../find/find-shortcut-controller.ts';
import type { FindBar } from '../find/find-bar.ts';
import '../find/find-bar.ts';
import { CompactHeaderController } from './compact-header-controller.ts';
import { RevealController } from './reveal-controller.ts';
import { FarController } from './far-controller.ts';
import { ReviewController } from '../review/review-controller.ts';
import { MentionPeopleController } from '../review/mention-people-controller.ts';
import { ColumnWidthsController } from '../grid/column-widths-controller.ts';
import { SessionController } from '../collab/session-controller.ts';
import { ValidationController } from '../validation/validation-controller.ts';
import { YDocController, type ObservedEvent } from '../collab/ydoc-controller.ts';
import type { CursorChangeEvent, FindingFixEvent, FindingSelectEvent, HierarchyChangeEvent, PeerJumpEvent } from '../events.ts';
import { t } from '../i18n/i18n.ts';
import { DocReviewCache } from '../review/doc-review.ts';
import { mentionables } from '../review/mention-query.ts';
import type { PanelCloseEvent, ReviewActionEvent } from '../review/review-events.ts';
import { targetKey } from '../review/review-target.ts';
import { revealFinding } from '../validation/reveal-finding.ts';
import { FindingsIndex } from '../validation/findings-index.ts';
import { canAcknowledge } from '../../shared/review/acknowledgements.ts';
import { canWithdraw, withdrawContext } from '../../shared/review/workflow.ts';
import type { FindingAcknowledgeEvent } from '../validation/finding-acknowledge-event.ts';
import { outstandingCounts, sendAcknowledgements } from './document-findings.ts';
import { acknowledgementSource } from '../validation/acknowledgement-source.ts';
import { PopoverObstacles } from '../popup/popover-obstacles.ts';
import { afterNextPaint } from '../idle.ts';
import { ContentPaintedEvent } from '../offline/register-service-worker.ts';
import { budgetDocumentStyles } from './budget-document.styles.ts';
import { DocumentOutline } from './document-outline.ts';
import { panelToggles, reviewSidePanel, type SidePanel } from './budget-document-panels.ts';
import type { ReviewPanel } from '../review/review-panel.ts';
import type { SuggestModeEvent } from '../review/workflow-bar.ts';
import { UndoShortcutController } from '../undo/undo-shortcut-controller.ts';
import { LibraryController } from '../library/library-controller.ts';
import './budget-totals.ts';
import '../validation/finding-badge.ts';
import './narrative-section.ts';
import '../collab/presence-bar.ts';
import '../validation/problems-panel.ts';
import './project-section.ts';
import '../review/review-layer.ts';
import '../collab/sync-status.ts';
import '../undo/undo-buttons.ts';
import '../review/workflow-bar.ts';
import '../office/export-menu.ts';
import '../office/print-button.ts';
import '../offline/offline-edits.ts';
import '../rollover/next-year-button.ts';
import { PreviousYearController } from '../rollover/previous-year-controller.ts';
import { previousYearLink } from '../rollover/previous-year-link.ts';
import { may } from '../../shared/access/policy.ts';

/**
 * One open 部门预算绩效文本: opens a {@link DocSession} for `docId` and shows the title, the
 * workflow status bar, the narrative sections of 第一部分 and, per project in order, its header
 * and indicator grid, with one side panel at a time (problems, versions, review). Everything
 * is live: colleagues' edits and presence, comments, suggestions and status changes.
 */
export class BudgetDocument extends LitElement {
  static override properties = {
    docId: { attribute: 'doc-id' },
    token: { attribute: false },
    wsBase: { attribute: false },
    user: { attribute: false },
    session: { state: true },
    panelOpen: { type: Boolean, attribute: 'panel-open', reflect: true },
    panel: { state: true },
    compact: { type: Boolean, reflect: true },
    suggestMode: { state: true },
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
  /** Set while a side panel is open (the layout gives it a column). */
  declare panelOpen: boolean;
  /** The side panel shown beside the document. */
  declare panel: SidePanel | null;
  /** Set while the window is scrolled: the header shows one line (compact-header-controller.ts). */
  declare compact: boolean;
  /** 建议模式: the user's edits become suggestions. */
  declare suggestMode: boolean;

  readonly #state = new SessionController(this);
  readonly #refusal = new RefusalKeeper(this);
  readonly #awareness = new AwarenessController(this);
  readonly #validation = new ValidationController(this);
  readonly #review = new ReviewController(this);
  readonly #mentionPeople = new MentionPeopleController(this, () => ({ api: this.#review.model?.api ?? null, members: this.#review.index.state.members }));
  readonly #docReview = new DocReviewCache();
  // Projects render when they come near the viewport: a 1,500-row document opens at once.
  readonly #reveal = new RevealController(this, '1200px');
  // Projects rendered without waiting to come near the viewport: the first one for the first
  // paint, then EAGER_PROJECTS (#revealEager).
  #eager = 1;
  #cancelEager: (() => void) | null = null;
  // The session's content has been painted: the review (threads, suggestions, role, people) and
  // last year's values are fetched from then on, so on a first visit the server is not reading
  // the document for them (twice) while it opens it for the socket.
  #contentPainted = false;
  /** The session whose first screen is rendered and waits for its paint (#releaseAfterFirstScreen). */
  #firstScreenOf: DocSession | null = null;
  readonly #peerGroups = new PeerGroups();
  // The list of projects and the title: cells re-render inside their own elements.
  readonly #changes = new YDocController(this, (events) => {
    const affected = events.some((e) => this.#affectsOutline(e));
    if (affected) this.#outline.invalidate();
    return affected;
  });
  readonly #outline = new DocumentOutline();
  // 指标库: Ctrl+K in a grid row, or the toolbar toggle.
  readonly #library = new LibraryController(this, {
    session: () => this.session,
    token: () => this.token,
    open: () => (this.panel = 'library'),
    close: () => (this.panel = null),
    isOpen: () => this.panel === 'library',
    mayEdit: (project) => this.#mayEditRows(project),
  });
  // Last year's text of a next-year draft: the link under the title, 上年指标值 in the grids.
  readonly #previousYear = new PreviousYearController(this);

  constructor() {
    super();
    // Column widths as this person left them in this document (localStorage).
    new ColumnWidthsController(this, () => (this.user ? { sub: this.user.sub, docId: this.docId } : null));
    new I18nController(this);
    this.docId = '';
    this.token = '';
    this.wsBase = '';
    this.user = null;
    this.session = null;
    this.panelOpen = false;
    this.panel = null;
    this.suggestMode = false;
    this.compact = false;
    new FindShortcutController(this, (replacing) => void this.renderRoot.querySelector<FindBar>('find-bar')?.show(replacing));
    new CompactHeaderController(this, () => this.renderRoot.querySelector('header'));
    // Rendered projects far from the viewport are skipped by layout and paint (content-visibility).
    new FarController(this, 'project-section', '1200px');
    new PopoverObstacles(this, () => this.renderRoot.querySelectorAll('header, .layout > [role="complementary"]'));
    new UndoShortcutController(this, () => this.session?.history ?? null, () => this.session?.state.readonly ?? false);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('docId') || changed.has('token') || changed.has('wsBase') || (!this.session && this.isConnected)) this.#open();
    else if (changed.has('user') && this.user) this.session?.setLocalUser(this.user);
    this.#previousYear.follow(this.token && this.#contentPainted ? this.docId : '', this.session?.doc ?? null);
    // Checked once it has loaded: a run before would check an empty document (its findings shown
    // for a moment after the load), and until the first run the counts say … (pending), not 0.
    this.#validation.setDoc(this.session && this.#state.state?.loaded ? this.session.doc : null);
    this.panelOpen = this.panel !== null;
  }

  // Finding popovers sit deep in grids and headers: they read the marks from the page's source.
  protected override updated(): void {
    this.#releaseAfterFirstScreen();
    this.#revealEager();
    acknowledgementSource.set({ marks: this.#review.model?.acknowledgements ?? new Map(), canAcknowledge: canAcknowledge(this.#review.role) });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    acknowledgementSource.set({ marks: new Map(), canAcknowledge: false });
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
    // A first visit of a large document shows its first screen, read-only, until it has loaded.
    const preview = session.preview;
    const doc = preview ?? session.doc;
    const meta = metaMap(doc);
    const year = meta.get('year');
    const readonly = state.readonly || preview !== null;
    const review = this.#review;
    const status = review.index.state.status;
    const docReview = this.#currentReview();
    const docFindings = this.#outline.documentFindings(this.#findings());
    const people = mentionables(review.index.state.members, this.#awareness.peers, this.user?.sub ?? '', this.#mentionPeople.people);
    return html`<review-layer .model=${review.model} .versions=${review.versions} .doc=${doc} .people=${people} .may=${docReview.may} .reveal=${this.#showPlace}
        @review-action=${this.#onReviewAction} @panel-close=${(e: PanelCloseEvent) => void this.#closePanel(e.panel)}>
      <div class="layout" @finding-acknowledge=${(e: FindingAcknowledgeEvent) => void this.#acknowledge(e)}><div class="doc"><header>
        <div class="heading">
          <h1 data-testid="doc-title">${readString(meta, 'title') || (state.loaded ? t('doc.untitled') : '')}
            <finding-badge .findings=${docFindings} label=${t('validation.documentFindings')} data-testid="doc-findings"></finding-badge></h1>
          <p class="meta">${typeof year === 'number' ? t('doc.year', { year }) : ''} ${readString(meta, 'deptName')}</p>
          ${previousYearLink(this.docId, this.#previousYear.previous)}
          ${state.loaded || preview ? html`<budget-totals .doc=${doc} ?pending=${preview !== null}></budget-totals>` : nothing}
        </div>
        <div class="status">
          <undo-buttons .history=${session.history} ?readonly=${state.readonly}></undo-buttons>
          <export-menu doc-id=${this.docId}></export-menu>${may(review.role, 'doc.copy') && may(this.user?.role, 'doc.create') ? html`<next-year-button doc-id=${this.docId}></next-year-button>` : nothing}<print-button .doc=${state.loaded ? doc : null}></print-button>
          <sync-status .session=${session}></sync-status>
          ${state.loaded || preview ? panelToggles(this.panel, preview || this.#validation.pending ? null : outstandingCounts(this.#validation.index, this.#review.model?.acknowledgements), review.index, (panel) => (this.panel = this.panel === panel ? null : panel)) : nothing}
        </div>
        <workflow-bar ?compact=${this.compact} ?can-withdraw=${this.#withdrawable()} .api=${review.model?.api ?? null} status=${status} .role=${review.role} ?readonly=${state.readonly} ?suggest-mode=${docReview.suggesting}
          .members=${review.index.state.members} .projects=${this.#outline.projects(doc)} @suggest-mode=${(e: SuggestModeEvent) => (this.suggestMode = e.on)}
          @finding-select=${(e: FindingSelectEvent) => void this.#revealPlace(e.finding.place)}></workflow-bar>
        <presence-bar .peers=${this.#awareness.peers} self-client-id=${doc.clientID} @peer-jump=${(e: PeerJumpEvent) => void this.#jumpTo(e.peer)}></presence-bar>
      </header>
      ${state.authError
        ? html`<p class="error" role="alert" data-testid="doc-error">${t('doc.authFailed', { reason: state.authError })} <a href="/signin">${t('signIn.title')}</a></p>`
        : nothing}
      ${this.#refusal.render(doc, state.loaded)}
      <offline-edits .session=${session} .api=${review.model?.api ?? null} status=${status} .personRole=${review.role} @local-discarded=${() => this.#open()}></offline-edits>
      ${state.loaded || preview ? this.#body(doc, readonly, state) : html`<p class="muted">${t('doc.loading')}</p>`}</div>
      ${this.panel && state.loaded ? this.#panel(readonly) : nothing}</div>
      <find-bar .doc=${state.loaded ? doc : null} .origin=${session.origin} .history=${session.history} ?readonly=${readonly || docReview.suggesting} .reveal=${this.#showPlace}></find-bar></review-layer>`;
  }

  #panel(readonly: boolean) {
    const session = this.session;
    if (!session) return nothing;
    if (this.panel === 'library') return this.#library.render();
    // The versions panel's chunk comes the first time it opens.
    if (this.panel === 'versions' && !elementReady('versions-panel', () => import('../versions/versions-panel.ts'), this)) return nothing;
    if (this.panel === 'versions' || this.panel === 'review') {
      return reviewSidePanel(this.panel, { review: this.#review, docId: this.docId, doc: session.doc, peers: this.#awareness.peers, me: this.user?.sub ?? '', known: this.#mentionPeople.people });
    }
    const index = this.#validation.index;
    const projects = this.#outline.projects(session.doc);
    return html`<problems-panel id="problems" role="complementary" aria-label=${t('validation.panelLabel')} data-testid="problems-panel" .findings=${index.all} .counts=${index.counts} .projects=${projects}
      hierarchy=${this.#validation.hierarchy} ?readonly=${readonly}
      .acknowledgements=${this.#review.model?.acknowledgements ?? new Map()} ?can-acknowledge=${canAcknowledge(this.#review.role)}
      @finding-select=${(e: FindingSelectEvent) => void this.#revealPlace(e.finding.place)}
      @finding-fix=${(e: FindingFixEvent) => this.#fix(e.finding)}
      @hierarchy-change=${(e: HierarchyChangeEvent) => setDocSettings(session.doc, { hierarchy: e.hierarchy }, session.origin)}
      @problems-close=${() => void this.#closePanel('problems')}></problems-panel>`;
  }

  /** Whether this user may add and change rows of a project now: not read-only, within their grants, not suggesting. */
  #mayEditRows(project: string): boolean {
    const state = this.#state.state;
    return !!state && !state.readonly && !this.#currentReview().suggesting && grantLock(state, { kind: 'project', project, money: false }) === null;
  }

  /** The review as the document's elements show it, rebuilt only when it changed. */
  #currentReview() {
    return this.#docReview.get({ index: this.#review.index, role: this.#review.role, suggestMode: this.suggestMode, peers: this.#awareness.peers });
  }

  // A marker's count was clicked: the review panel opens on the threads of that place.
  readonly #onReviewAction = async (event: ReviewActionEvent): Promise<void> => {
    if (event.action !== 'threads') return;
    this.panel = 'review';
    await this.updateComplete;
    await this.renderRoot.querySelector<ReviewPanel>('review-panel')?.showThreadsAt(targetKey(event.place));
  };

  /** 撤回 applies: the rule of `shared/review/workflow.ts` over the live review state. */
  #withdrawable(): boolean {
    return !!this.user && canWithdraw(this.user.sub, withdrawContext(this.#review.index.state));
  }

  async #acknowledge(event: FindingAcknowledgeEvent): Promise<void> {
    const api = this.#review.model?.api;
    const refused = api ? await sendAcknowledgements(api, event) : null;
    if (refused) this.renderRoot.querySelector('review-layer')?.toast(refused, 'error');
  }

  // A fix is an ordinary edit of this tab: same origin as typing, so undo takes it back.
  #fix(finding: Finding): void {
    const session = this.session;
    if (session && finding.fix && !session.state.readonly) applyBudgetOps(session.doc, finding.fix.ops, session.origin);
  }

  async #closePanel(panel: string): Promise<void> {
    this.panel = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-testid="${panel}-toggle"]`)?.focus();
  }

  /** The document's parts, of `doc`: the session's, or its first screen (read-only) until it has loaded. */
  #body(doc: Y.Doc, readonly: boolean, state: SessionState) {
    const session = this.session;
    if (!session) return nothing;
    const { origin, history } = session;
    const groups = this.#peerGroups;
    groups.update(this.#awareness.peers, doc.clientID);
    const projects = this.#outline.projects(doc);
    const index = this.#findings();
    const review = this.#currentReview();
    return html`<main aria-busy=${doc === session.preview ? 'true' : 'false'} @cursor-change=${(e: CursorChangeEvent) => session.setCursor(e.cursor)}>
      <section class="part">
        <h2>${t('doc.partOne')}</h2>
        ${OVERVIEW_SECTIONS.map((s) => [s, grantLock(state, { kind: 'section', section: s })] as const).map(([s, lock]) => html`<narrative-section .doc=${doc} .origin=${origin} section=${s} .peers=${groups.inSection(s)} ?readonly=${readonly || lock !== null} title=${lock ?? nothing}
          .findings=${this.#outline.sectionFindings(index, s)} .review=${review}></narrative-section>`)}
      </section>
      <section class="part">
        <h2>${t('doc.partTwo')}</h2>
        ${projects.length === 0 ? html`<p class="muted">${t('doc.noProjects')}</p>` : nothing}
        ${repeat(projects, (p) => p.id, (p, i) => {
          const name = p.name;
          const height = estimateHeight(indicatorsOf(p.map).size);
          // Off-screen projects are an empty box of about their height until they come near.
          if (i >= this.#eager && !this.#reveal.isRevealed(p.id)) {
            return html`<article class="project pending" data-testid="project-${p.id}" data-reveal-id=${p.id}
              style="height: ${height}px"><h3>${i + 1}. ${name || t('project.untitled')}</h3></article>`;
          }
          const lock = grantLock(state, { kind: 'project', project: p.id, money: false });
          // This size while far from the viewport and skipped (FarController).
          return html`<project-section style="contain-intrinsic-size: auto ${height}px" .doc=${doc} .origin=${origin} .history=${history} project-id=${p.id} name=${name} position=${i + 1}
            ?readonly=${readonly || lock !== null} title=${lock ?? nothing} lock=${lock ?? ''} .findings=${index.forProject(p.id)} .peers=${groups.inProject(p.id)} .review=${review} .previous=${this.#previousYear.values}></project-section>`;
        })}
      </section>
    </main>`;
  }

  readonly #showPlace = (place: Finding['place']): Promise<boolean> => this.#revealPlace(place);

  /** The findings to show: none on a first screen, whose document the validation has not seen yet. */
  #findings(): FindingsIndex {
    return this.session?.preview ? FindingsIndex.EMPTY : this.#validation.index;
  }

  /** Renders the project a place is in (if it is not yet), then scrolls to and focuses the place. */
  async #revealPlace(place: Finding['place']): Promise<boolean> {
    if (place.project !== undefined) await this.#reveal.reveal(place.project);
    await this.updateComplete;
    return revealFinding(this.renderRoot, place);
  }

  /** Goes to where a colleague works: their cell, header field or narrative section. */
  async #jumpTo(peer: Peer): Promise<void> {
    const c = peer.cursor;
    if (!c) return;
    if ('section' in c) await this.#revealPlace({ field: `overview.${c.section}` });
    else await this.#revealPlace({ project: c.project, indicator: c.indicator, field: c.indicator === undefined ? headerPath(c.field) : c.field });
  }

  // The next few projects render once the first has been painted, so they are there to Tab or
  // scroll into without the wait of a reveal, yet do not hold back the first paint.
  #revealEager(): void {
    if (this.#eager >= EAGER_PROJECTS || this.#cancelEager || !this.#state.state?.loaded) return;
    this.#cancelEager = afterNextPaint(() => {
      this.#cancelEager = null;
      this.#contentPainted = true;
      this.#review.setSession(this.session, this.docId, window.location.origin, () => this.token);
      window.dispatchEvent(new ContentPaintedEvent());
      this.#eager = EAGER_PROJECTS;
      this.requestUpdate();
    });
  }

  // A first screen is rendered: once it is painted, the document's state may come in and decode.
  // Nothing else waits for it; what follows a first paint (#revealEager) follows the document's.
  #releaseAfterFirstScreen(): void {
    const session = this.session;
    if (!session?.preview || this.#firstScreenOf === session) return;
    this.#firstScreenOf = session;
    afterNextPaint(() => session.firstScreenShown());
  }

  #open(): void {
    this.#close();
    this.#reveal.reset();
    this.#cancelEager?.();
    this.#cancelEager = null;
    this.#eager = 1;
    this.#contentPainted = false;
    if (this.docId && this.token && this.wsBase && this.isConnected) {
      this.session = takeEarlySession(this.docId, this.token, this.wsBase) ?? new DocSession({ wsBase: this.wsBase, docId: this.docId, token: this.token, user: this.user });
      // One opened while the app loaded knew nobody yet.
      if (this.user) this.session.setLocalUser(this.user);
      this.session.addEventListener(RefusedEvent.eventName, this.#onRefused);
    }
    const session = this.session;
    this.#state.setSession(session);
    this.#awareness.setAwareness(session?.awareness ?? null);
    this.#changes.observe(session ? [metaMap(session.doc), projectsMap(session.doc)] : []);
    this.#review.setSession(null, this.docId, window.location.origin, () => this.token);
  }

  // The refused change lives in this session's Y.Doc and cannot be taken back: start again from
  // the server's state, keeping the refused values to show. Deferred: the session is mid-dispatch.
  readonly #onRefused = (e: Event): void => {
    if (this.session) this.#refusal.remember((e as RefusedEvent).local, this.session.doc);
    setTimeout(() => this.#open(), 0);
  };

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

/** Projects rendered right after the first paint, before any scrolling: the first screenful. */
const EAGER_PROJECTS = 3;

/** About how tall a project with `rows` indicator rows renders (px), for its placeholder. */
function estimateHeight(rows: number): number {
  return 420 + rows * 38;
}

/** A header field as a finding place names it (`total` → `budget.total`, `mar` → `spendingPlan.mar`). */
function headerPath(key: string): string {
  const field = projectFieldOfKey(key);
  // Findings about the plan as a whole (its unit) point at the plan group, which has no unit cell of its own.
  return field === 'spendingPlan.unit' ? 'spendingPlan' : (field ?? key);
}

customElements.define('budget-document', BudgetDocument);

declare global {
  interface HTMLElementTagNameMap {
    'budget-document': BudgetDocument;
  }
}
