import { LitElement, css, html, nothing } from 'lit';
import type { User } from '../api/api-schemas.ts';
import { I18nController } from '../i18n/i18n-controller.ts';
import { SignOutEvent } from '../events.ts';
import { currentLanguage, setLanguage, t } from '../i18n/i18n.ts';
import { roleLabel } from '../i18n/role-label.ts';

/** Roles the top bar links to the overview for (anyone may open it; these are the ones who review). */
const OVERVIEW_ROLES = new Set(['reviewer', 'admin']);

/** The bar on top of every page: app name, link to the list, signed-in user, sign-out, language. */
export class TopBar extends LitElement {
  static override properties = { user: { attribute: false } };
  static override styles = css`
    :host { display: block; background: var(--jx-header); color: white; }
    nav { display: flex; align-items: center; gap: 1rem; max-width: 80rem; margin: 0 auto; padding: 0.6rem 1.5rem; }
    a { color: inherit; text-decoration: none; }
    .brand { font-weight: 700; font-size: 1.15rem; letter-spacing: 0.05em; }
    .tagline { opacity: 0.75; font-size: 0.85rem; }
    .spacer { flex: 1; }
    button { font: inherit; font-size: 0.85rem; cursor: pointer; color: inherit; background: transparent; border: 1px solid rgb(255 255 255 / 0.5); border-radius: 4px; padding: 0.2rem 0.7rem; }
    button:hover { background: rgb(255 255 255 / 0.15); }
    .role { opacity: 0.75; font-size: 0.8rem; }
  `;

  /** The signed-in user, or null on the sign-in page. */
  declare user: User | null;

  constructor() {
    super();
    new I18nController(this);
    this.user = null;
  }

  override render() {
    const other = currentLanguage() === 'en' ? 'zh-CN' : 'en';
    return html`<nav>
      <a class="brand" href="/">${t('app.name')}</a>
      <span class="tagline">${t('app.tagline')}</span>
      ${this.user ? html`<a href="/" data-testid="nav-docs">${t('nav.documents')}</a>` : nothing}
      ${this.user && OVERVIEW_ROLES.has(this.user.role) ? html`<a href="/overview" data-testid="nav-overview">${t('overview.nav')}</a>` : nothing}
      <span class="spacer"></span>
      ${this.user
        ? html`<span data-testid="current-user">${this.user.name} <span class="role">${roleLabel(this.user.role)}</span></span>
            <button data-testid="sign-out" @click=${() => this.dispatchEvent(new SignOutEvent())}>${t('nav.signOut')}</button>`
        : nothing}
      <button data-testid="language-toggle" lang=${other} title=${t('nav.switchLanguageLabel')} @click=${() => void setLanguage(other)}>
        ${t('nav.switchLanguage')}
      </button>
    </nav>`;
  }
}

customElements.define('top-bar', TopBar);

declare global {
  interface HTMLElementTagNameMap {
    'top-bar': TopBar;
  }
}
