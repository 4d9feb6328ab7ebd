import { LitElement, html } from 'lit';
import { actionButtonStyles } from '../styles/action-button.styles.ts';
import { readToken } from '../auth/token-store.ts';
import { DocEndpoint } from '../api/doc-endpoint.ts';
import { errorMessage } from '../api/error-message.ts';
import { NextYearApi } from '../api/next-year-api.ts';
import { NavigateEvent } from '../app/navigate-event.ts';
import { I18nController } from '../i18n/i18n-controller.ts';
import { t } from '../i18n/i18n.ts';

/**
 * 以此为基础新建下一年度文本: makes next year's draft of `doc-id` on the server and opens it
 * (a {@link NavigateEvent}); a refusal is shown beside the button.
 */
export class NextYearButton extends LitElement {
  static override properties = { docId: { attribute: 'doc-id' }, busy: { state: true }, error: { state: true } };
  static override styles = actionButtonStyles;

  /** The document to base next year's draft on. */
  declare docId: string;
  declare busy: boolean;
  declare error: string;

  constructor() {
    super();
    new I18nController(this);
    this.docId = '';
    this.busy = false;
    this.error = '';
  }

  override render() {
    return html`<button type="button" data-testid="next-year" title=${t('rollover.createTitle')} ?disabled=${this.busy || this.docId === ''} @click=${() => void this.#create()}>
        ${this.busy ? t('rollover.creating') : t('rollover.create')}</button>
      ${this.error === '' ? '' : html`<span class="error" role="alert">${t('rollover.failed', { message: this.error })}</span>`}`;
  }

  async #create(): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      const id = await new NextYearApi(new DocEndpoint(window.location.origin, this.docId, readToken)).create();
      this.dispatchEvent(new NavigateEvent(`/docs/${encodeURIComponent(id)}`));
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('next-year-button', NextYearButton);

declare global {
  interface HTMLElementTagNameMap {
    'next-year-button': NextYearButton;
  }
}
