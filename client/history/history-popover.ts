import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import type * as Y from 'yjs';
import { diffText } from '../../shared/diff/index.ts';
import { errorMessage } from '../api/error-message.ts';
import type { HistoryEntry } from '../api/version-schemas.ts';
import type { VersionsApi } from '../api/versions-api.ts';
import { segmentsTemplate } from '../compare/diff-templates.ts';
import { I18nController } from '../i18n/i18n-controller.ts';
import { PopupCloseEvent } from '../events.ts';
import { compactSegments } from './compact-segments.ts';
import { formatTime } from '../i18n/format-time.ts';
import { t } from '../i18n/i18n.ts';
import { placeLabel } from '../review/place-label.ts';
import { followViewport, placePopover } from '../review/place-popover.ts';
import type { ReviewTarget } from '../review/review-target.ts';
import { popoverStyles } from '../popup/popover.styles.ts';

// Values longer than this are shown as a character diff around the change, not whole.
const LONG_VALUE = 40;

/**
 * The history of one cell, header field or text (`GET /api/docs/:id/history`), newest first:
 * when, who, old → new, marked 被同时修改覆盖 for a value a simultaneous edit overwrote and
 * 采纳 … 的建议 for an accepted suggestion. Shown beside `anchor` while `place` is set; Esc or a
 * click elsewhere closes it (`popup-close`).
 */
export class HistoryPopover extends LitElement {
  static override properties = {
    api: { attribute: false },
    doc: { attribute: false },
    place: { attribute: false },
    anchor: { attribute: false },
    entries: { state: true },
    error: { state: true },
  };
  static override styles = [
    popoverStyles,
    css`
      ol { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.45rem; }
      li { border-top: 1px solid var(--jx-grid-line); padding-top: 0.4rem; }
      .who { display: flex; gap: 0.5rem; color: var(--jx-muted); font-size: 0.8rem; }
      .who .user { color: var(--jx-text); font-weight: 600; }
      .change { white-space: pre-wrap; overflow-wrap: anywhere; margin-top: 0.15rem; }
      ins { text-decoration: none; background: #dcf3e3; color: #0f5a2b; }
      del { background: #fbe0dd; color: #8d1c12; }
      .arrow { color: var(--jx-muted); margin: 0 0.3rem; }
      .tag { display: inline-block; margin-top: 0.2rem; margin-right: 0.3rem; padding: 0 0.4rem; border-radius: 999px; font-size: 0.75rem; }
      .tag.overwritten { background: var(--jx-warn-surface); color: var(--jx-warn); }
      .tag.suggested { background: var(--jx-info-surface); color: var(--jx-info); }
    `,
  ];

  /** The document's versions API. */
  declare api: VersionsApi | null;
  /** The content document, to name the place. */
  declare doc: Y.Doc | null;
  /** Whose history to show; null hides the popover. */
  declare place: ReviewTarget | null;
  /** The element to show the popover next to. */
  declare anchor: HTMLElement | null;
  declare entries: HistoryEntry[] | null;
  declare error: string;
  #stopFollowing: (() => void) | null = null;
  #request = 0;

  constructor() {
    super();
    new I18nController(this);
    this.api = null;
    this.doc = null;
    this.place = null;
    this.anchor = null;
    this.entries = null;
    this.error = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.popover = 'manual';
    this.setAttribute('role', 'dialog');
    this.dataset['testid'] = 'history-popover';
    document.addEventListener('pointerdown', this.#onOutside, true);
    this.addEventListener('keydown', this.#onKey);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.#onOutside, true);
    this.#stopFollowing?.();
    this.#stopFollowing = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('place') || changed.has('api')) void this.#load();
  }

  override render() {
    const place = this.place;
    if (!place) return nothing;
    const entries = this.entries ? [...this.entries].reverse() : null;
    return html`<div class="head"><h2>${t('history.title')}</h2>
        <button class="close" aria-label=${t('history.close')} @click=${this.#close}>×</button></div>
      <p class="place">${placeLabel(place, this.doc)}</p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${entries === null && !this.error ? html`<p class="muted">${t('history.loading')}</p>` : nothing}
      ${entries?.length === 0 ? html`<p class="muted" data-testid="history-empty">${t('history.empty')}</p>` : nothing}
      ${entries?.length ? html`<ol data-testid="history-list">${entries.map((e) => this.#entry(e))}</ol>` : nothing}`;
  }

  protected override updated(): void {
    this.setAttribute('aria-label', t('history.title'));
    const open = !!this.place;
    if (open && !this.matches(':popover-open')) {
      this.showPopover();
      this.#stopFollowing = followViewport(() => placePopover(this, this.anchor));
      this.renderRoot.querySelector<HTMLElement>('.close')?.focus({ preventScroll: true });
    }
    if (!open && this.matches(':popover-open')) {
      this.hidePopover();
      this.#stopFollowing?.();
      this.#stopFollowing = null;
    }
    if (open) placePopover(this, this.anchor);
  }

  #entry(e: HistoryEntry) {
    return html`<li data-testid="history-entry">
      <div class="who"><span class="user">${e.user.name}</span><time datetime=${e.at}>${formatTime(e.at)}</time></div>
      <div class="change">${changeTemplate(e)}</div>
      ${e.suggestedBy ? html`<span class="tag suggested" data-testid="history-suggested">${t('history.suggestedBy', { name: e.suggestedBy.name })}</span>` : nothing}
      ${e.overwritten ? html`<span class="tag overwritten" data-testid="history-overwritten">${t('history.overwritten')}</span>` : nothing}
    </li>`;
  }

  async #load(): Promise<void> {
    const request = ++this.#request;
    this.entries = null;
    this.error = '';
    if (!this.place || !this.api) return;
    try {
      const entries = await this.api.history(this.place);
      if (request === this.#request) this.entries = entries;
    } catch (error) {
      if (request === this.#request) this.error = errorMessage(error);
    }
  }

  readonly #close = (): void => {
    this.dispatchEvent(new PopupCloseEvent());
  };

  readonly #onOutside = (event: PointerEvent): void => {
    if (this.place && !event.composedPath().includes(this)) this.#close();
  };

  readonly #onKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    this.#close();
  };
}

/** Old → new; long texts as a character diff around what changed. */
function changeTemplate(e: HistoryEntry) {
  const show = (v: HistoryEntry['before']) => (v === null || v === '' ? t('history.blank') : String(v));
  const long = typeof e.before === 'string' && typeof e.after === 'string' && Math.max(e.before.length, e.after.length) > LONG_VALUE;
  if (long) return segmentsTemplate(compactSegments(diffText(e.before as string, e.after as string)));
  return html`<del data-testid="history-before">${show(e.before)}</del><span class="arrow" aria-hidden="true">→</span><ins data-testid="history-after">${show(e.after)}</ins>`;
}

customElements.define('history-popover', HistoryPopover);

declare global {
  interface HTMLElementTagNameMap {
    'history-popover': HistoryPopover;
  }
}
