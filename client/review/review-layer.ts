import { LitElement, css, html, nothing } from 'lit';
import type * as Y from 'yjs';
import { INDICATOR_FIELDS, indicatorsOf, projectsMap, readString } from '../../shared/model/index.ts';
import type { NewSuggestion } from '../../shared/review/review-schema.ts';
import type { FindingPlace } from '../../shared/rules/index.ts';
import { errorMessage } from '../api/error-message.ts';
import type { VersionsApi } from '../api/versions-api.ts';
import { I18nController } from '../i18n/i18n-controller.ts';
import { t } from '../i18n/i18n.ts';
import type { Mentionable } from './mention-query.ts';
import { revealPlace } from './reveal-place.ts';
import type { PlaceSelectEvent, ReviewActionEvent, SuggestValueEvent, SuggestionDecideEvent, SuggestionsAcceptAllEvent, ThreadSelectEvent, ToastEvent } from './review-events.ts';
import type { ReviewModel } from './review-model.ts';
import type { ReviewTarget } from './review-target.ts';
import { placeFromEvent } from './target-from-event.ts';
import type { ReviewMenuPermissions } from './review-menu-items.ts';
import type { PromptDialog } from '../popup/prompt-dialog.ts';
import type { ToastMessage } from '../popup/toast-message.ts';
import './comment-composer.ts';
import { elementReady } from '../lazy-element.ts';
import '../popup/prompt-dialog.ts';
import './review-menu.ts';
import '../popup/toast-message.ts';

/**
 * Review around a rendered document (its light DOM): the shortcuts Alt+H (history of the place
 * in focus) and Ctrl+Alt+M (comment on it, or on the selected text), the review context menu of
 * fields and texts, the history popover and the new-comment box, and the API calls behind
 * suggestions and their decisions, with toasts for the outcome. Threads and suggestions picked
 * in a panel are revealed in the document.
 */
export class ReviewLayer extends LitElement {
  static override properties = {
    model: { attribute: false },
    versions: { attribute: false },
    doc: { attribute: false },
    people: { attribute: false },
    may: { attribute: false },
    reveal: { attribute: false },
    popup: { state: true },
  };
  static override styles = css`:host { display: block; }`;

  /** The review of the open document. */
  declare model: ReviewModel | null;
  /** Its versions API (for history). */
  declare versions: VersionsApi | null;
  /** The content document. */
  declare doc: Y.Doc | null;
  /** Who can be mentioned. */
  declare people: readonly Mentionable[];
  /** What the user may do (comment, suggest). */
  declare may: ReviewMenuPermissions;
  /** Shows and focuses a place of the document (rendering its project first if need be). */
  declare reveal: (place: FindingPlace) => Promise<boolean>;
  /** The open popup, where, and next to what. */
  declare popup: { kind: 'history' | 'comment' | 'menu'; place: ReviewTarget; anchor: HTMLElement | null; x?: number; y?: number } | null;

  constructor() {
    super();
    new I18nController(this);
    this.model = null;
    this.versions = null;
    this.doc = null;
    this.people = [];
    this.may = { comment: false, suggest: false };
    this.reveal = async () => false;
    this.popup = null;
    this.addEventListener('keydown', this.#onKeyDown);
    this.addEventListener('contextmenu', this.#onContextMenu);
    this.addEventListener('review-action', this.#onAction);
    this.addEventListener('suggest-value', this.#onSuggestValue);
    this.addEventListener('suggestion-decide', this.#onDecide);
    this.addEventListener('suggestions-accept-all', this.#onAcceptAll);
    this.addEventListener('thread-select', this.#onThreadSelect);
    this.addEventListener('place-select', (e: PlaceSelectEvent) => void revealPlace(this, e.place, this.reveal));
    this.addEventListener('toast', (e: ToastEvent) => this.toast(e.toast.message, e.toast.tone, e.toast.action));
    this.addEventListener('thread-created', () => void this.model?.refresh());
  }

  /** Shows a message at the bottom of the window. */
  toast(message: string, tone: 'info' | 'error' = 'info', action?: { label: string; run: () => void }): void {
    this.renderRoot.querySelector<ToastMessage>('toast-message')?.show({ message, tone, ...(action ? { action } : {}) });
  }

  override render() {
    const popup = this.popup;
    const close = () => this.#closePopup();
    // Its chunk comes the first time a history opens; from then on it stays rendered, as before.
    const history = popup?.kind === 'history' ? elementReady('history-popover', () => import('../history/history-popover.ts'), this) : customElements.get('history-popover') !== undefined;
    return html`<slot></slot>
      ${history
        ? html`<history-popover .api=${this.versions} .doc=${this.doc} .place=${popup?.kind === 'history' ? popup.place : null} .anchor=${popup?.anchor ?? null}
            @popup-close=${close}></history-popover>`
        : nothing}
      <comment-composer .api=${this.model?.api ?? null} .doc=${this.doc} .people=${this.people} .place=${popup?.kind === 'comment' ? popup.place : null}
        .anchor=${popup?.anchor ?? null} @popup-close=${close}></comment-composer>
      ${popup?.kind === 'menu'
        ? html`<review-menu .x=${popup.x ?? 0} .y=${popup.y ?? 0} .place=${popup.place} .may=${this.may} .anchor=${popup.anchor} @popup-close=${close}></review-menu>`
        : nothing}
      <prompt-dialog></prompt-dialog>
      <toast-message></toast-message>`;
  }

  #closePopup(): void {
    const anchor = this.popup?.anchor;
    this.popup = null;
    // Focus goes back to where the popup was opened from, unless the person has already moved on:
    // a comment box closes only once the server took the comment, and by then they may be typing
    // in a cell, which must keep its focus. The popups live in this layer's shadow root.
    const moved = !this.shadowRoot?.activeElement && document.activeElement !== document.body && document.activeElement !== null;
    if (anchor?.isConnected && !moved) anchor.focus({ preventScroll: true });
  }

  readonly #onKeyDown = (event: KeyboardEvent): void => {
    const history = event.altKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyH';
    const comment = event.altKey && (event.ctrlKey || event.metaKey) && event.code === 'KeyM';
    if (!history && !comment) return;
    const found = placeFromEvent(event);
    if (!found || (comment && !this.may.comment)) return;
    event.preventDefault();
    event.stopPropagation();
    this.popup = { kind: history ? 'history' : 'comment', place: found.place, anchor: found.element };
  };

  // Grid cells have their own menu (with the review items); header fields get this one. Texts
  // keep the browser's menu (copy, paste, spelling): their review is in buttons and shortcuts.
  readonly #onContextMenu = (event: MouseEvent): void => {
    if (event.defaultPrevented) return;
    const found = placeFromEvent(event);
    if (!found || found.place.kind === 'cell' || found.place.kind === 'text') return;
    event.preventDefault();
    this.popup = { kind: 'menu', place: found.place, anchor: found.element, x: event.clientX, y: event.clientY };
  };

  readonly #onAction = (event: ReviewActionEvent): void => {
    const { action, place, anchor } = event;
    if (action === 'history' || action === 'comment') this.popup = { kind: action, place, anchor };
    else if (action === 'suggest-delete' && place.kind === 'cell') void this.#suggest({ project: place.project, indicator: place.indicator, delete: true });
    else if (action === 'suggest-insert' && place.kind === 'cell') void this.#suggestRow(place.project, place.indicator);
  };

  readonly #onSuggestValue = (event: SuggestValueEvent): void => {
    const { place, value } = event;
    if (place.kind === 'cell') void this.#suggest({ project: place.project, indicator: place.indicator, field: place.field, value: String(value ?? '') });
    else if (place.kind === 'header') void this.#suggest({ project: place.project, field: place.field, value });
  };

  // A new row is proposed with its 三级指标 name, under the 一级/二级指标 of the row it follows.
  async #suggestRow(project: string, after: string): Promise<void> {
    const name = await this.renderRoot.querySelector<PromptDialog>('prompt-dialog')?.ask({
      title: t('suggestions.insertRow'),
      input: { label: t('grid.name'), required: true },
      confirm: t('suggestions.insertRow'),
    });
    if (!name || !this.doc) return;
    const row = projectsMap(this.doc).get(project);
    const above = row ? indicatorsOf(row).get(after) : undefined;
    const levels = Object.fromEntries(INDICATOR_FIELDS.filter((f) => f === 'level1' || f === 'level2').map((f) => [f, above ? readString(above, f) : '']));
    await this.#suggest({ project, insertAfter: after, indicator: { ...levels, name } });
  }

  async #suggest(input: NewSuggestion): Promise<void> {
    const model = this.model;
    if (!model) return;
    try {
      await model.api.suggest(input);
      this.toast(t('suggestions.sent'));
      void model.refresh();
    } catch (error) {
      this.toast(errorMessage(error), 'error');
    }
  }

  readonly #onDecide = async (event: SuggestionDecideEvent): Promise<void> => {
    const model = this.model;
    if (!model) return;
    try {
      await model.api.decide(event.id, event.accept);
      void model.refresh();
    } catch (error) {
      this.toast(errorMessage(error), 'error');
      void model.refresh();
    }
  };

  readonly #onAcceptAll = async (event: SuggestionsAcceptAllEvent): Promise<void> => {
    const model = this.model;
    if (!model) return;
    try {
      const { accepted, stale } = await model.api.acceptAll(event.author);
      this.toast([t('suggestions.acceptedCount', { count: accepted.length }), stale.length ? t('suggestions.staleCount', { count: stale.length }) : ''].filter(Boolean).join('；'));
    } catch (error) {
      this.toast(errorMessage(error), 'error');
    }
    void model.refresh();
  };

  readonly #onThreadSelect = (event: ThreadSelectEvent): void => {
    const anchor = event.thread.anchor;
    const state = this.model?.index.anchors.get(event.thread.id);
    if (state?.detached) return;
    const place: ReviewTarget =
      anchor.kind === 'text'
        ? { kind: 'text', section: anchor.section, ...(anchor.project ? { project: anchor.project } : {}), ...(state?.from !== undefined ? { from: state.from, to: state.to ?? state.from } : {}) }
        : anchor;
    void revealPlace(this, place, this.reveal);
  };
}

customElements.define('review-layer', ReviewLayer);

declare global {
  interface HTMLElementTagNameMap {
    'review-layer': ReviewLayer;
  }
}
