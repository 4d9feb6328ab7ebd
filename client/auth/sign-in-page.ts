import { LitElement, css, html, nothing } from 'lit';
import type { ApiClient } from '../api/api-client.ts';
import { ApiError } from '../api/api-error.ts';
import type { User } from '../api/api-schemas.ts';
import { errorMessage } from '../api/error-message.ts';
import { I18nController } from '../i18n/i18n-controller.ts';
import { SignedInEvent } from '../events.ts';
import { t } from '../i18n/i18n.ts';
import { roleLabel } from '../i18n/role-label.ts';
import { fieldStyles } from '../styles/field.styles.ts';

/**
 * Sign-in: one button per demo user when the server runs in demo mode, otherwise a box to paste
 * a token. Fires `signed-in` once the token is verified against `/api/me`.
 */
export class SignInPage extends LitElement {
  static override properties = {
    api: { attribute: false },
    users: { state: true },
    error: { state: true },
    busy: { state: true },
  };
  static override styles = [
    fieldStyles,
    css`
      :host { display: block; max-width: 32rem; margin: 3rem auto; padding: 0 1rem; }
      .users { display: grid; gap: 0.5rem; }
      .users button { display: flex; justify-content: space-between; padding: 0.6rem 1rem; text-align: left; }
      .role { color: var(--jx-muted); }
      form { display: grid; gap: 0.5rem; }
    `,
  ];

  /** Client of the server to sign in to. */
  declare api: ApiClient | null;
  /** Demo users; null when the server has none, undefined while loading. */
  declare users: User[] | null | undefined;
  declare error: string;
  declare busy: boolean;

  constructor() {
    super();
    new I18nController(this);
    this.api = null;
    this.users = undefined;
    this.error = '';
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.api?.demoUsers().then(
      (users) => (this.users = users),
      (error: unknown) => ((this.users = null), (this.error = errorMessage(error))),
    );
  }

  override render() {
    return html`<h1>${t('signIn.title')}</h1>
      ${this.users === undefined ? html`<p>${t('signIn.loading')}</p>` : nothing}
      ${this.users ? this.#demoUsers(this.users) : nothing}
      ${this.users === null ? this.#tokenForm() : nothing}
      ${this.error ? html`<p class="error" role="alert" data-testid="signin-error">${this.error}</p>` : nothing}`;
  }

  #demoUsers(users: User[]) {
    return html`<p>${t('signIn.demoHint')}</p>
      <div class="users">
        ${users.map(
          (u) => html`<button data-testid="signin-${u.sub}" ?disabled=${this.busy} @click=${() => this.#signIn((api) => api.demoToken(u.sub))}>
            <span>${u.name}</span><span class="role">${roleLabel(u.role)}</span>
          </button>`,
        )}
      </div>`;
  }

  #tokenForm() {
    const submit = (e: SubmitEvent) => {
      e.preventDefault();
      const token = new FormData(e.target as HTMLFormElement).get('token');
      if (typeof token === 'string' && token.trim()) void this.#signIn(async () => token.trim());
    };
    return html`<form @submit=${submit}>
      <label for="token">${t('signIn.tokenHint')}</label>
      <textarea id="token" name="token" aria-label=${t('signIn.tokenLabel')} data-testid="signin-token" rows="4"></textarea>
      <div><button class="primary" type="submit" ?disabled=${this.busy}>${t('signIn.submit')}</button></div>
    </form>`;
  }

  async #signIn(getToken: (api: ApiClient) => Promise<string>): Promise<void> {
    const api = this.api;
    if (!api) return;
    this.busy = true;
    this.error = '';
    try {
      const token = await getToken(api);
      const user = await api.me(token);
      this.dispatchEvent(new SignedInEvent(token, user));
    } catch (error) {
      this.error = error instanceof ApiError && error.status === 401 ? t('signIn.invalidToken') : errorMessage(error);
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('sign-in-page', SignInPage);

declare global {
  interface HTMLElementTagNameMap {
    'sign-in-page': SignInPage;
  }
}
