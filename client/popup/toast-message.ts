import { LitElement, css, html, nothing } from 'lit';
import { I18nController } from '../i18n/i18n-controller.ts';
import { t } from '../i18n/i18n.ts';
import type { ToastRequest } from '../review/review-events.ts';

// Long enough to read a sentence and reach for its action.
const SHOW_MS = 10_000;

/**
 * A message at the bottom of the window (a polite live region), with an optional action such
 * as 撤销; it goes away after a while, when dismissed, or when its action is taken.
 */
export class ToastMessage extends LitElement {
  static override properties = { toast: { attribute: false } };
  static override styles = css`
    :host { position: fixed; left: 50%; bottom: 1.5rem; transform: translateX(-50%); z-index: 30; }
    .toast { display: flex; align-items: center; gap: 0.8rem; padding: 0.6rem 0.9rem; border-radius: 6px; background: #26313d; color: white; box-shadow: 0 6px 20px rgb(0 0 0 / 0.25); font-size: 0.9rem; max-width: min(40rem, calc(100vw - 2rem)); }
    .toast.error { background: var(--jx-danger); }
    button { font: inherit; cursor: pointer; color: inherit; background: transparent; border: none; padding: 0.1rem 0.3rem; }
    .action { color: #9cc8ff; text-decoration: underline; font-weight: 600; }
    .error .action { color: white; }
    .dismiss { opacity: 0.7; font-size: 1.1rem; line-height: 1; }
  `;

  /** The message shown; null shows nothing. */
  declare toast: ToastRequest | null;
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    super();
    new I18nController(this);
    this.toast = null;
  }

  /** Shows `toast` in place of the current one. */
  show(toast: ToastRequest): void {
    this.toast = toast;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#hide(), SHOW_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.#timer !== null) clearTimeout(this.#timer);
  }

  override render() {
    const toast = this.toast;
    return html`<div role="status" aria-live="polite">${toast
      ? html`<div class="toast ${toast.tone ?? 'info'}" data-testid="toast"><span data-testid="toast-message">${toast.message}</span>
          ${toast.action ? html`<button class="action" data-testid="toast-action" @click=${this.#act}>${toast.action.label}</button>` : nothing}
          <button class="dismiss" aria-label=${t('common.dismiss')} @click=${() => this.#hide()}>×</button></div>`
      : nothing}</div>`;
  }

  #act(): void {
    const action = this.toast?.action;
    this.#hide();
    action?.run();
  }

  #hide(): void {
    this.toast = null;
  }
}

customElements.define('toast-message', ToastMessage);

declare global {
  interface HTMLElementTagNameMap {
    'toast-message': ToastMessage;
  }
}
