import { LitElement, css, html, type PropertyValues } from 'lit';
import { I18nController } from '../i18n/i18n-controller.ts';
import { PopupCloseEvent, RowCommandEvent } from '../events.ts';
import type { RowCommand } from './grid-navigation.ts';
import { t, type MessageKey } from '../i18n/i18n.ts';
import { handleMenuKey } from '../popup/handle-menu-key.ts';

const ITEMS: ReadonlyArray<{ command: RowCommand; label: MessageKey; keys: string }> = [
  { command: 'insertAbove', label: 'grid.insertAbove', keys: 'Ctrl+Shift+=' },
  { command: 'insertBelow', label: 'grid.insertBelow', keys: 'Ctrl+Alt+=' },
  { command: 'duplicate', label: 'grid.duplicateRow', keys: 'Ctrl+Shift+D' },
  { command: 'moveUp', label: 'grid.moveUp', keys: 'Alt+↑' },
  { command: 'moveDown', label: 'grid.moveDown', keys: 'Alt+↓' },
  { command: 'delete', label: 'grid.deleteRow', keys: 'Ctrl+-' },
];

/** A menu item beyond the row commands (the review's: comment, history …). */
export interface ExtraMenuItem {
  id: string;
  label: string;
  keys?: string;
  run: () => void;
}

/**
 * The row context menu of an indicator grid (right click, the menu key or Shift+F10): a WAI-ARIA
 * menu whose items move focus with the arrow keys. Picks fire `row-command`; Esc, Tab or a pick
 * fire `popup-close`, and the grid takes focus back.
 */
export class RowMenu extends LitElement {
  static override properties = { x: { type: Number }, y: { type: Number }, disabled: { attribute: false }, extra: { attribute: false }, rows: { type: Boolean } };
  static override styles = css`
    :host { position: fixed; z-index: 20; max-height: 100vh; overflow-y: auto; }
    [role='menu'] { min-width: 13rem; padding: 0.25rem 0; background: var(--jx-surface); border: 1px solid var(--jx-border); border-radius: 6px; box-shadow: 0 6px 20px rgb(0 0 0 / 0.18); }
    button { all: unset; box-sizing: border-box; display: flex; justify-content: space-between; gap: 1.5rem; width: 100%; padding: 0.35rem 0.9rem; cursor: pointer; font-size: 0.9rem; }
    button:focus, button:hover { background: var(--jx-muted-surface); outline: none; }
    button[aria-disabled='true'] { color: var(--jx-muted); cursor: default; }
    kbd { font: inherit; font-size: 0.8rem; color: var(--jx-muted); }
    [role='separator'] { margin: 0.25rem 0; border-top: 1px solid var(--jx-border); }
  `;

  /** Left edge of the menu in viewport pixels. */
  declare x: number;
  /** Top edge of the menu in viewport pixels. */
  declare y: number;
  /** Commands that do not apply here (e.g. moving the first row up). */
  declare disabled: ReadonlySet<RowCommand>;
  /** Items after the row commands, each doing its own thing when picked. */
  declare extra: readonly ExtraMenuItem[];
  /** Offers the row commands (false for those who may not change rows: only `extra` then). */
  declare rows: boolean;

  constructor() {
    super();
    new I18nController(this);
    this.x = 0;
    this.y = 0;
    this.disabled = new Set();
    this.extra = [];
    this.rows = true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('x') || changed.has('y')) {
      this.style.left = `${this.x}px`;
      this.style.top = `${this.y}px`;
    }
  }

  // Near the window's right or bottom edge the menu opens to the left of or above the point,
  // as desktop menus do; one taller than the window scrolls.
  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('x') && !changed.has('y') && !changed.has('extra') && !changed.has('rows')) return;
    const { width, height } = this.getBoundingClientRect();
    const left = this.x + width > window.innerWidth ? this.x - width : this.x;
    const top = this.y + height > window.innerHeight ? this.y - height : this.y;
    this.style.left = `${Math.max(0, Math.min(left, window.innerWidth - width))}px`;
    this.style.top = `${Math.max(0, Math.min(top, window.innerHeight - height))}px`;
  }

  override render() {
    return html`<div role="menu" aria-label=${t('grid.rowMenu')} data-testid="row-menu" @keydown=${this.#onKeyDown}>
      ${(this.rows ? ITEMS : []).map(
        (item) => html`<button role="menuitem" tabindex="-1" data-testid="row-menu-${item.command}" aria-disabled=${this.disabled.has(item.command) ? 'true' : 'false'}
          @click=${() => this.#pick(item.command)}><span>${t(item.label)}</span><kbd>${item.keys}</kbd></button>`,
      )}
      ${this.rows && this.extra.length > 0 ? html`<div role="separator"></div>` : ''}
      ${this.extra.map(
        (item) => html`<button role="menuitem" tabindex="-1" data-testid="row-menu-${item.id}" @click=${() => this.#pickExtra(item)}>
          <span>${item.label}</span><kbd>${item.keys ?? ''}</kbd></button>`,
      )}
    </div>`;
  }

  protected override firstUpdated(): void {
    this.#items()[0]?.focus();
  }

  #items(): HTMLButtonElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')];
  }

  #pick(command: RowCommand): void {
    if (this.disabled.has(command)) return;
    this.dispatchEvent(new RowCommandEvent(command));
    this.dispatchEvent(new PopupCloseEvent());
  }

  #pickExtra(item: ExtraMenuItem): void {
    this.dispatchEvent(new PopupCloseEvent());
    item.run();
  }

  #onKeyDown(event: KeyboardEvent): void {
    if (this.shadowRoot) handleMenuKey(event, this.shadowRoot, () => this.dispatchEvent(new PopupCloseEvent()));
  }
}

customElements.define('row-menu', RowMenu);

declare global {
  interface HTMLElementTagNameMap {
    'row-menu': RowMenu;
  }
}
