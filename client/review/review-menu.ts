import { LitElement, css, html, type PropertyValues } from 'lit';
import { I18nController } from '../i18n/i18n-controller.ts';
import { PopupCloseEvent } from '../events.ts';
import { t } from '../i18n/i18n.ts';
import { ReviewActionEvent } from './review-events.ts';
import { reviewMenuItems, type ReviewMenuItem, type ReviewMenuPermissions } from './review-menu-items.ts';
import type { ReviewTarget } from './review-target.ts';
import { handleMenuKey } from '../popup/handle-menu-key.ts';

/**
 * The review context menu of a cell, field or text (right click): comment, history, and for a
 * reviewer in a grid 建议新增行 / 建议删除行. A WAI-ARIA menu like the grid's row menu; a pick
 * fires `review-action`, then `popup-close`.
 */
export class ReviewMenu extends LitElement {
  static override properties = { x: { type: Number }, y: { type: Number }, place: { attribute: false }, may: { attribute: false } };
  static override styles = css`
    :host { position: fixed; z-index: 20; }
    [role='menu'] { min-width: 13rem; padding: 0.25rem 0; background: var(--jx-surface); border: 1px solid var(--jx-border); border-radius: 6px; box-shadow: 0 6px 20px rgb(0 0 0 / 0.18); }
    button { all: unset; box-sizing: border-box; display: flex; justify-content: space-between; gap: 1.5rem; width: 100%; padding: 0.35rem 0.9rem; cursor: pointer; font-size: 0.9rem; }
    button:focus, button:hover { background: var(--jx-muted-surface); outline: none; }
    kbd { font: inherit; font-size: 0.8rem; color: var(--jx-muted); }
  `;

  /** Left edge of the menu in viewport pixels. */
  declare x: number;
  /** Top edge of the menu in viewport pixels. */
  declare y: number;
  /** Where the menu was opened. */
  declare place: ReviewTarget | null;
  declare may: ReviewMenuPermissions;
  /** The element the actions' popovers are shown next to. */
  anchor: HTMLElement | null = null;

  constructor() {
    super();
    new I18nController(this);
    this.x = 0;
    this.y = 0;
    this.place = null;
    this.may = { comment: false, suggest: false };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('x') || changed.has('y')) {
      this.style.left = `${Math.max(0, Math.min(this.x, window.innerWidth - 240))}px`;
      this.style.top = `${Math.max(0, Math.min(this.y, window.innerHeight - 200))}px`;
    }
  }

  override render() {
    const items = this.place ? reviewMenuItems(this.place, this.may) : [];
    return html`<div role="menu" aria-label=${t('review.menuLabel')} data-testid="review-menu" @keydown=${this.#onKeyDown}>
      ${items.map((item) => html`<button role="menuitem" tabindex="-1" data-testid="review-menu-${item.id}" @click=${() => this.#pick(item)}>
        <span>${item.label}</span>${item.keys ? html`<kbd>${item.keys}</kbd>` : ''}</button>`)}
    </div>`;
  }

  protected override firstUpdated(): void {
    this.#items()[0]?.focus();
  }

  /** Whether the menu has anything to offer at its place. */
  get hasItems(): boolean {
    return !!this.place && reviewMenuItems(this.place, this.may).length > 0;
  }

  #items(): HTMLButtonElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')];
  }

  // Closed first: the action may open a popup of its own, which the close must not take down.
  #pick(item: ReviewMenuItem): void {
    this.dispatchEvent(new PopupCloseEvent());
    this.dispatchEvent(new ReviewActionEvent(item.action, item.place, this.anchor));
  }

  #onKeyDown(event: KeyboardEvent): void {
    if (this.shadowRoot) handleMenuKey(event, this.shadowRoot, () => this.dispatchEvent(new PopupCloseEvent()));
  }
}

customElements.define('review-menu', ReviewMenu);

declare global {
  interface HTMLElementTagNameMap {
    'review-menu': ReviewMenu;
  }
}
