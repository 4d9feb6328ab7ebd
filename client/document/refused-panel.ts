import { LitElement, css, html, nothing } from 'lit';
import { I18nController } from '../i18n/i18n-controller.ts';
import { t } from '../i18n/i18n.ts';

/**
 * What the server refused, kept for the writer: shown after the document started again from
 * the server's state, one line per value (`place: value`), selectable and copyable, until
 * dismissed. Never silently dropped.
 */
export class RefusedPanel extends LitElement {
  static override properties = { lines: { attribute: false }, copied: { state: true } };
  static override styles = css`
    :host { display: block; margin: 0.5rem 0; }
    section { border: 1px solid var(--jx-danger, #b4232a); border-left-width: 4px; border-radius: 6px; padding: 0.6rem 0.8rem; background: #fff6f5; }
    h2 { font-size: 1rem; margin: 0 0 0.3rem; color: var(--jx-danger, #b4232a); }
    p { margin: 0 0 0.4rem; font-size: 0.9rem; }
    textarea { width: 100%; box-sizing: border-box; min-height: 4.5rem; font: inherit; font-size: 0.9rem; }
    .actions { display: flex; gap: 0.5rem; margin-top: 0.4rem; }
    button { font: inherit; cursor: pointer; }
  `;

  /** The refused values, one line each; empty shows nothing. */
  declare lines: readonly string[];
  declare copied: boolean;

  constructor() {
    super();
    new I18nController(this);
    this.lines = [];
    this.copied = false;
  }

  override render() {
    if (this.lines.length === 0) return nothing;
    return html`<section role="alert" data-testid="refused-panel">
      <h2>${t('refused.heading')}</h2>
      <p>${t('refused.hint')}</p>
      <textarea readonly aria-label=${t('refused.heading')} data-testid="refused-values" .value=${this.lines.join('\n')}></textarea>
      <div class="actions">
        <button type="button" data-testid="refused-copy" @click=${() => void this.#copy()}>${this.copied ? t('refused.copied') : t('refused.copy')}</button>
        <button type="button" data-testid="refused-dismiss" @click=${() => this.dispatchEvent(new Event('dismiss', { bubbles: true, composed: true }))}>${t('refused.dismiss')}</button>
      </div>
    </section>`;
  }

  async #copy(): Promise<void> {
    const area = this.renderRoot.querySelector('textarea');
    area?.select();
    await navigator.clipboard?.writeText(this.lines.join('\n')).catch(() => undefined);
    this.copied = true;
  }
}

customElements.define('refused-panel', RefusedPanel);

declare global {
  interface HTMLElementTagNameMap {
    'refused-panel': RefusedPanel;
  }
}
