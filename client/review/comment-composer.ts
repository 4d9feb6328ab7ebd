import { LitElement, css, html, nothing } from 'lit';
import type * as Y from 'yjs';
import { resolveText } from '../../shared/model/index.ts';
import { errorMessage } from '../api/error-message.ts';
import type { ReviewApi } from '../api/review-api.ts';
import { I18nController } from '../i18n/i18n-controller.ts';
import { PopupCloseEvent } from '../events.ts';
import { t } from '../i18n/i18n.ts';
import type { Mentionable } from './mention-query.ts';
import { placeLabel } from './place-label.ts';
import { followViewport, placePopover } from './place-popover.ts';
import { textRefOf, type ReviewTarget } from './review-target.ts';
import { fieldStyles } from '../styles/field.styles.ts';
import type { MentionInput } from './mention-input.ts';
import { popoverStyles } from '../popup/popover.styles.ts';
import './mention-input.ts';

/** Fired by the composer once the server created the thread. */
class ThreadCreatedEvent extends Event {
  static readonly eventName = 'thread-created';
  readonly id: string;

  constructor(id: string) {
    super(ThreadCreatedEvent.eventName, { bubbles: true, composed: true });
    this.id = id;
  }
}

/**
 * The box for a new comment thread at `place` (a cell, a field, a selected text, a project or
 * the document), shown beside `anchor`. Ctrl+Enter or 发送 creates the thread; Esc or 取消
 * closes it (`popup-close`).
 */
export class CommentComposer extends LitElement {
  static override properties = {
    api: { attribute: false },
    doc: { attribute: false },
    people: { attribute: false },
    place: { attribute: false },
    anchor: { attribute: false },
    busy: { state: true },
    error: { state: true },
  };
  static override styles = [fieldStyles, popoverStyles, css`.actions { display: flex; justify-content: flex-end; gap: 0.4rem; margin-top: 0.4rem; } q { background: #fff4c2; }`];

  declare api: ReviewApi | null;
  /** The content document, to name the place and quote a selected text. */
  declare doc: Y.Doc | null;
  declare people: readonly Mentionable[];
  /** Where the thread goes; null hides the composer. */
  declare place: ReviewTarget | null;
  declare anchor: HTMLElement | null;
  declare busy: boolean;
  declare error: string;
  #stopFollowing: (() => void) | null = null;

  constructor() {
    super();
    new I18nController(this);
    this.api = null;
    this.doc = null;
    this.people = [];
    this.place = null;
    this.anchor = null;
    this.busy = false;
    this.error = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.popover = 'manual';
    this.setAttribute('role', 'dialog');
    this.dataset['testid'] = 'comment-composer';
    this.addEventListener('keydown', this.#onKey);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopFollowing?.();
    this.#stopFollowing = null;
  }

  override render() {
    const place = this.place;
    if (!place) return nothing;
    const quote = place.kind === 'text' && this.doc && place.from !== undefined && place.to !== undefined && place.to > place.from ? this.#quote(place.from, place.to) : '';
    return html`<div class="head"><h2>${t('review.newComment')}</h2></div>
      <p class="place">${placeLabel(place, this.doc)} ${quote ? html`<q>${quote}</q>` : nothing}</p>
      <mention-input .people=${this.people} label=${t('review.newComment')} placeholder=${t('review.commentPlaceholder')} testid="new-comment-input"
        @mention-submit=${this.#send}></mention-input>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <div class="actions">
        <button @click=${this.#close}>${t('review.cancel')}</button>
        <button class="primary" data-testid="new-comment-send" ?disabled=${this.busy} @click=${this.#send}>${t('review.send')}</button>
      </div>`;
  }

  protected override updated(): void {
    const open = !!this.place;
    if (open && !this.matches(':popover-open')) {
      this.error = '';
      this.showPopover();
      this.#stopFollowing = followViewport(() => placePopover(this, this.anchor));
      // The box was created by this very render and has not drawn its textarea yet.
      const input = this.renderRoot.querySelector<MentionInput>('mention-input');
      void input?.updateComplete.then(() => input.focus());
    }
    if (!open && this.matches(':popover-open')) {
      this.hidePopover();
      this.#stopFollowing?.();
      this.#stopFollowing = null;
      this.renderRoot.querySelector<MentionInput>('mention-input')?.clear();
    }
    if (open) placePopover(this, this.anchor);
  }

  #quote(from: number, to: number): string {
    const place = this.place;
    if (!place || place.kind !== 'text' || !this.doc) return '';
    return resolveText(this.doc, textRefOf(place))?.toString().slice(from, to) ?? '';
  }

  readonly #send = async (): Promise<void> => {
    const input = this.renderRoot.querySelector<MentionInput>('mention-input');
    const text = input?.value.trim();
    const place = this.place;
    if (!text || !place || !this.api || this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      const id = await this.api.createThread(place, text);
      input?.clear();
      this.dispatchEvent(new ThreadCreatedEvent(id));
      this.#close();
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  };

  readonly #close = (): void => {
    this.dispatchEvent(new PopupCloseEvent());
  };

  readonly #onKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    this.#close();
  };
}

customElements.define('comment-composer', CommentComposer);

declare global {
  interface HTMLElementTagNameMap {
    'comment-composer': CommentComposer;
  }
  interface HTMLElementEventMap {
    'thread-created': ThreadCreatedEvent;
  }
}
