import { LitElement, html, nothing } from 'lit';
import type { Comment, Thread } from '../../shared/review/review-types.ts';
import { errorMessage } from '../api/error-message.ts';
import type { ReviewApi } from '../api/review-api.ts';
import type { AnchorState } from '../api/review-schemas.ts';
import { I18nController } from '../i18n/i18n-controller.ts';
import { formatTime } from '../i18n/format-time.ts';
import { t } from '../i18n/i18n.ts';
import type { Mentionable } from './mention-query.ts';
import { ThreadSelectEvent } from './review-events.ts';
import { fieldStyles } from '../styles/field.styles.ts';
import { commentThreadStyles } from './comment-thread.styles.ts';
import type { MentionInput } from './mention-input.ts';
import './mention-input.ts';

/**
 * One comment thread: where it is anchored (a click fires `thread-select` to go there; 已脱离
 * when the anchor is gone), its comments with author and time, edit and delete of one's own
 * comments, a reply box with @mentions, and 解决 / 重新打开. Writes go to the API; the thread
 * re-renders from the review document when the server applied them.
 */
export class CommentThread extends LitElement {
  static override properties = {
    thread: { attribute: false },
    anchorState: { attribute: false },
    place: {},
    me: {},
    api: { attribute: false },
    canComment: { type: Boolean, attribute: 'can-comment' },
    people: { attribute: false },
    editing: { state: true },
    deleting: { state: true },
    busy: { state: true },
    error: { state: true },
  };
  static override styles = [fieldStyles, commentThreadStyles];

  declare thread: Thread | null;
  /** Where the anchor points now; undefined until the server said. */
  declare anchorState: AnchorState | undefined;
  /** The anchor's place as a person reads it (project · row · column, section …). */
  declare place: string;
  /** Sub of the signed-in user: their comments can be edited and deleted. */
  declare me: string;
  declare api: ReviewApi | null;
  /** Shows the reply box and 解决 (owners, editors, reviewers). */
  declare canComment: boolean;
  /** Who can be mentioned. */
  declare people: readonly Mentionable[];
  /** Id of the own comment being edited. */
  declare editing: string | null;
  /** Id of the own comment whose deletion awaits confirmation. */
  declare deleting: string | null;
  declare busy: boolean;
  declare error: string;

  constructor() {
    super();
    new I18nController(this);
    this.thread = null;
    this.anchorState = undefined;
    this.place = '';
    this.me = '';
    this.api = null;
    this.canComment = false;
    this.people = [];
    this.editing = null;
    this.deleting = null;
    this.busy = false;
    this.error = '';
  }

  override render() {
    const thread = this.thread;
    if (!thread) return nothing;
    const detached = this.anchorState?.detached ?? false;
    const quote = thread.anchor.kind === 'text' ? (detached ? thread.anchor.quote : (this.anchorState?.text ?? thread.anchor.quote)) : '';
    return html`<article class="thread ${thread.status}" data-testid="thread" data-thread-id=${thread.id} data-status=${thread.status}>
      <button class="anchor" data-testid="thread-anchor" @click=${() => this.dispatchEvent(new ThreadSelectEvent(thread))}>
        <span class="place">${this.place}</span>
        ${quote ? html`<q>${quote}</q>` : nothing}
        ${detached ? html`<span class="detached" data-testid="thread-detached" title=${t('review.detachedTitle')}>${t('review.detached')}</span>` : nothing}
      </button>
      <ol class="comments">${thread.comments.map((c) => this.#comment(c))}</ol>
      ${thread.status === 'resolved' && thread.resolvedBy ? html`<p class="resolved-by">✓ ${t('review.resolvedBy', { name: thread.resolvedBy.name })}</p>` : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.canComment ? this.#footer(thread) : nothing}
    </article>`;
  }

  #comment(c: Comment) {
    const own = c.author.sub === this.me && !c.deleted;
    if (this.editing === c.id) {
      return html`<li class="comment editing"><mention-input id="edit" .people=${this.people} label=${t('review.edit')} testid="comment-edit-input"
          .value=${c.text} @mention-submit=${() => this.#saveEdit(c)}></mention-input>
        <div class="actions"><button class="primary" ?disabled=${this.busy} data-testid="comment-edit-save" @click=${() => this.#saveEdit(c)}>${t('review.save')}</button>
          <button @click=${() => (this.editing = null)}>${t('review.cancel')}</button></div></li>`;
    }
    return html`<li class="comment" data-testid="comment">
      <div class="meta"><span class="author">${c.author.name}</span><time datetime=${c.at}>${formatTime(c.at)}</time>${c.editedAt && !c.deleted ? html`<span>· ${t('review.edited')}</span>` : nothing}
        ${own ? html`<span class="own"><button class="link" data-testid="comment-edit" @click=${() => (this.editing = c.id)}>${t('review.edit')}</button>
          <button class="link" data-testid="comment-delete" @click=${() => (this.deleting = c.id)}>${t('review.delete')}</button></span>` : nothing}</div>
      ${this.deleting === c.id
        ? html`<div class="confirm" role="alert">${t('review.deleteConfirm')}
            <button class="link danger" data-testid="comment-delete-confirm" @click=${() => this.#delete(c)}>${t('review.delete')}</button>
            <button class="link" @click=${() => (this.deleting = null)}>${t('review.cancel')}</button></div>`
        : nothing}
      <p class="text ${c.deleted ? 'deleted' : ''}" data-testid="comment-text">${c.deleted ? t('review.deleted') : highlightMentions(c.text)}</p>
    </li>`;
  }

  #footer(thread: Thread) {
    return html`<div class="reply">
      ${thread.status === 'open'
        ? html`<mention-input id="reply" .people=${this.people} label=${t('review.reply')} placeholder=${t('review.replyPlaceholder')} testid="reply-input"
            @mention-submit=${this.#reply}></mention-input>`
        : nothing}
      <div class="actions">
        ${thread.status === 'open' ? html`<button class="primary" data-testid="reply-send" ?disabled=${this.busy} @click=${this.#reply}>${t('review.send')}</button>` : nothing}
        <button data-testid=${thread.status === 'open' ? 'thread-resolve' : 'thread-reopen'} ?disabled=${this.busy}
          @click=${() => this.#run((api) => api.setResolved(thread.id, thread.status === 'open'))}>${thread.status === 'open' ? t('review.resolve') : t('review.reopen')}</button>
      </div>
    </div>`;
  }

  readonly #reply = async (): Promise<void> => {
    const input = this.renderRoot.querySelector<MentionInput>('#reply');
    const text = input?.value.trim();
    const thread = this.thread;
    if (!text || !thread) return;
    if (await this.#run((api) => api.reply(thread.id, text))) input?.clear();
  };

  async #saveEdit(c: Comment): Promise<void> {
    const text = this.renderRoot.querySelector<MentionInput>('#edit')?.value.trim();
    const thread = this.thread;
    if (!text || !thread) return;
    if (await this.#run((api) => api.editComment(thread.id, c.id, text))) this.editing = null;
  }

  async #delete(c: Comment): Promise<void> {
    const thread = this.thread;
    this.deleting = null;
    if (thread) await this.#run((api) => api.editComment(thread.id, c.id, null));
  }

  async #run(action: (api: ReviewApi) => Promise<void>): Promise<boolean> {
    if (!this.api) return false;
    this.busy = true;
    this.error = '';
    try {
      await action(this.api);
      return true;
    } catch (error) {
      this.error = errorMessage(error);
      return false;
    } finally {
      this.busy = false;
    }
  }
}

/** The text with `@name` runs marked, so a mention stands out. */
function highlightMentions(text: string) {
  return text.split(/(@[^\s@，。,.;；:：!！?？]+)/).map((part) => (part.startsWith('@') ? html`<span class="mention">${part}</span>` : part));
}

customElements.define('comment-thread', CommentThread);

declare global {
  interface HTMLElementTagNameMap {
    'comment-thread': CommentThread;
  }
}
