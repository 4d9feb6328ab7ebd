import { LitElement, css, html, nothing } from 'lit';
import type * as Y from 'yjs';
import type { Peer } from '../collab/peer.ts';
import { I18nController } from '../i18n/i18n-controller.ts';
import { formatTime } from '../i18n/format-time.ts';
import { t } from '../i18n/i18n.ts';
import { activityText } from './activity-text.ts';
import type { Mentionable } from './mention-query.ts';
import { placeLabel } from './place-label.ts';
import { PanelCloseEvent, ReviewActionEvent } from './review-events.ts';
import { ReviewIndex } from './review-index.ts';
import type { ReviewApi } from '../api/review-api.ts';
import { THREAD_FILTERS, filterThreads, type ThreadFilter } from './thread-filter.ts';
import { canComment, canDecideSuggestions, canEditContent } from '../../shared/review/workflow.ts';
import { fieldStyles } from '../styles/field.styles.ts';
import { sidePanelStyles } from '../styles/side-panel.styles.ts';
import './comment-thread.ts';
import './suggestion-list.ts';

/** The tabs of the review panel. */
const REVIEW_TABS = ['comments', 'suggestions', 'activity'] as const;
export type ReviewTab = (typeof REVIEW_TABS)[number];

/**
 * The review side panel: 批注 (threads with the filters 未解决 / 已解决 / 我的 / 提到我的), 建议
 * (open suggestions by reviewer) and 动态 (the activity log: who changed the status when, with
 * the return comment). Everything comes live from the review document through `index`.
 */
export class ReviewPanel extends LitElement {
  static override properties = {
    index: { attribute: false },
    api: { attribute: false },
    doc: { attribute: false },
    peers: { attribute: false },
    people: { attribute: false },
    me: {},
    // A property only: the attribute `role` is the element's ARIA role.
    role: { attribute: false },
    tab: { reflect: true },
    filter: {},
    focusKey: { attribute: false },
  };
  static override styles = [
    fieldStyles,
    sidePanelStyles,
    css`
      [role='tablist'] { display: flex; gap: 0.2rem; padding: 0.4rem 0.8rem 0; border-bottom: 1px solid var(--jx-border); }
      [role='tab'] { border: none; border-bottom: 2px solid transparent; border-radius: 0; background: none; padding: 0.3rem 0.6rem; font-size: 0.88rem; }
      [role='tab'][aria-selected='true'] { border-bottom-color: var(--jx-accent); font-weight: 600; }
      .count { color: var(--jx-muted); font-size: 0.78rem; margin-left: 0.2rem; }
      .filters { display: flex; flex-wrap: wrap; gap: 0.3rem; padding: 0.5rem 0.8rem; }
      .filters button { padding: 0.1rem 0.55rem; border-radius: 999px; font-size: 0.8rem; }
      .filters button[aria-pressed='true'] { border-color: var(--jx-accent); background: #fbeaea; }
      .filters .new { margin-left: auto; }
      .list { display: grid; gap: 0.5rem; padding: 0 0.8rem; }
      suggestion-list { padding: 0.5rem 0.8rem; }
      comment-thread.focused { outline: 2px solid var(--jx-focus); border-radius: 5px; }
      .activity { list-style: none; margin: 0; padding: 0.4rem 0.8rem; display: grid; gap: 0.5rem; }
      .activity li { display: grid; gap: 0.1rem; font-size: 0.85rem; }
      .activity time { color: var(--jx-muted); font-size: 0.78rem; }
      .activity .comment { margin: 0.1rem 0 0; padding: 0.3rem 0.5rem; background: var(--jx-warn-surface); border-radius: 4px; white-space: pre-wrap; }
    `,
  ];

  /** The review state arranged for rendering. */
  declare index: ReviewIndex;
  declare api: ReviewApi | null;
  /** The content document, to name places. */
  declare doc: Y.Doc | null;
  /** People in the document (reviewers' colours). */
  declare peers: readonly Peer[];
  /** Who can be mentioned. */
  declare people: readonly Mentionable[];
  /** Sub of the signed-in user. */
  declare me: string;
  /** The user's role on the document. */
  declare role: string;
  /** The open tab. */
  declare tab: ReviewTab;
  /** The comments filter. */
  declare filter: ThreadFilter;
  /** Key of the place whose threads to bring forward (from a marker), or null. */
  declare focusKey: string | null;

  constructor() {
    super();
    new I18nController(this);
    this.index = ReviewIndex.EMPTY;
    this.api = null;
    this.doc = null;
    this.peers = [];
    this.people = [];
    this.me = '';
    this.role = '';
    this.tab = 'comments';
    this.filter = 'open';
    this.focusKey = null;
  }

  override render() {
    const open = this.index.state.threads.filter((t) => t.status === 'open').length;
    const counts: Record<ReviewTab, number | null> = { comments: open, suggestions: this.index.openSuggestions.length, activity: null };
    return html`<header>
        <h2>${t('review.panelTitle')}</h2>
        <button class="close" aria-label=${t('review.close')} data-testid="review-close" @click=${() => this.dispatchEvent(new PanelCloseEvent('review'))}>×</button>
      </header>
      <div role="tablist">${REVIEW_TABS.map(
        (tab) => html`<button role="tab" aria-selected=${this.tab === tab ? 'true' : 'false'} data-testid="review-tab-${tab}" @click=${() => (this.tab = tab)}>
          ${t(`review.tabs.${tab}`)}${counts[tab] ? html`<span class="count">${counts[tab]}</span>` : nothing}</button>`,
      )}</div>
      <div class="body" role="tabpanel">${this.tab === 'comments' ? this.#comments() : this.tab === 'suggestions' ? this.#suggestions() : this.#activity()}</div>`;
  }

  /** Shows the comments tab with the threads at `key` first and outlined. */
  async showThreadsAt(key: string): Promise<void> {
    this.tab = 'comments';
    this.focusKey = key;
    const threads = this.index.threadsAt(key);
    if (threads.length > 0 && threads.every((t) => t.status === 'resolved')) this.filter = 'resolved';
    else if (threads.length > 0) this.filter = 'open';
    await this.updateComplete;
    this.renderRoot.querySelector('comment-thread.focused')?.scrollIntoView({ block: 'nearest' });
  }

  #comments() {
    const all = [...this.index.state.threads].reverse();
    const threads = filterThreads(all, this.filter, this.me);
    // Threads of the place the user came from first, so they need not be searched for.
    const focused = this.focusKey ? threads.filter((t) => this.index.threadsAt(this.focusKey ?? '').includes(t)) : [];
    const ordered = [...focused, ...threads.filter((t) => !focused.includes(t))];
    return html`<div class="filters" role="group" aria-label=${t('review.filterLabel')}>${THREAD_FILTERS.map(
        (f) => html`<button aria-pressed=${this.filter === f ? 'true' : 'false'} data-testid="thread-filter-${f}" @click=${() => (this.filter = f)}>
          ${t(`review.filters.${f}`)} <span class="count">${filterThreads(all, f, this.me).length}</span></button>`,
      )}${canComment(this.role)
        ? html`<button class="new" data-testid="comment-document" @click=${(e: Event) => this.dispatchEvent(new ReviewActionEvent('comment', { kind: 'document' }, e.currentTarget as HTMLElement))}>
            + ${t('review.commentOnDocument')}</button>`
        : nothing}</div>
      ${ordered.length === 0 ? html`<p class="empty">${t('review.noThreads')}</p>` : nothing}
      <div class="list" data-testid="thread-list">${ordered.map(
        (t) => html`<comment-thread class=${focused.includes(t) ? 'focused' : ''} .thread=${t} .anchorState=${this.index.anchors.get(t.id)}
          place=${placeLabel(t.anchor, this.doc)} me=${this.me} .api=${this.api} ?can-comment=${canComment(this.role)} .people=${this.people}></comment-thread>`,
      )}</div>`;
  }

  #suggestions() {
    return html`<suggestion-list .suggestions=${this.index.openSuggestions} .doc=${this.doc} .peers=${this.peers}
      ?can-decide=${canDecideSuggestions(this.role)} ?can-accept=${canEditContent(this.role, this.index.state.status)}></suggestion-list>`;
  }

  #activity() {
    const { activity, members } = this.index.state;
    if (activity.length === 0) return html`<p class="empty">${t('activity.empty')}</p>`;
    return html`<ol class="activity" data-testid="activity-list">${[...activity].reverse().map(
      (a) => html`<li data-testid="activity"><time datetime=${a.at}>${formatTime(a.at)}</time><span>${activityText(a, members)}</span>
        ${a.comment ? html`<p class="comment">${t('activity.comment', { comment: a.comment })}</p>` : nothing}</li>`,
    )}</ol>`;
  }
}

customElements.define('review-panel', ReviewPanel);

declare global {
  interface HTMLElementTagNameMap {
    'review-panel': ReviewPanel;
  }
}
