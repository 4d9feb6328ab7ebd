import { LitElement, css, html } from 'lit';
import { ApiClient } from '../api/api-client.ts';
import { ApiError } from '../api/api-error.ts';
import type { User } from '../api/api-schemas.ts';
import { DocEndpoint } from '../api/doc-endpoint.ts';
import { VersionsApi } from '../api/versions-api.ts';
import { consumeFragmentToken } from '../auth/fragment-token.ts';
import { clearToken, readToken, storeToken } from '../auth/token-store.ts';
import { keepTokenFresh } from '../auth/token-refresh.ts';
import { clearLocalData, tokenSubject, tokenUser } from '../offline/local-names.ts';
import { I18nController } from '../i18n/i18n-controller.ts';
import type { SignedInEvent } from '../events.ts';
import { t } from '../i18n/i18n.ts';
import '../document/budget-document.ts';
import './top-bar.ts';
import { elementReady } from '../lazy-element.ts';
import { parseRoute, signInPath, type Route } from './routes.ts';
import { collabBase } from '../collab/early-session.ts';

/**
 * The application shell: signs in (from a URL fragment, a stored token or the sign-in page),
 * routes between the sign-in page, the document list, a document and the comparison of two of
 * its versions, and keeps links inside the app without reloading the page.
 */
export class JixiaoApp extends LitElement {
  static override properties = { route: { state: true }, user: { state: true } };
  static override styles = css`:host { display: block; min-height: 100vh; }`;

  declare route: Route;
  /** The signed-in user; null while unknown or signed out. */
  declare user: User | null;

  readonly #api = new ApiClient(window.location.origin, readToken);
  readonly #wsBase = collabBase();
  // One versions API per compared document, so switching versions does not rebuild the page.
  #versions: { id: string; api: VersionsApi } | null = null;
  #stopRefresh: () => void = () => undefined;

  constructor() {
    super();
    new I18nController(this);
    consumeFragmentToken();
    this.route = parseRoute(new URL(window.location.href));
    this.user = null;
    this.addEventListener('click', this.#onClick);
    this.addEventListener('app-navigate', (event) => this.navigate(event.path));
    window.addEventListener('popstate', () => (this.route = parseRoute(new URL(window.location.href))));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#checkSignIn();
    this.#stopRefresh = keepTokenFresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopRefresh();
  }

  override render() {
    const token = readToken();
    const page = this.route.page;
    // Only the document page is in the main chunk: a document's first visit compiles no other page.
    const ready = (tag: string, load: () => Promise<unknown>) => elementReady(tag, load, this);
    return html`<top-bar .user=${page === 'signin' ? null : this.user} @sign-out=${this.#signOut}></top-bar>
      ${page === 'signin' && ready('sign-in-page', () => import('../auth/sign-in-page.ts')) ? html`<sign-in-page .api=${this.#api} @signed-in=${this.#onSignedIn}></sign-in-page>` : ''}
      ${page === 'list' && token && ready('doc-list-page', () => import('./doc-list-page.ts')) ? html`<doc-list-page .api=${this.#api} .user=${this.user}></doc-list-page>` : ''}
      ${page === 'overview' && token && ready('overview-page', () => import('../overview/overview-page.ts')) ? html`<overview-page .getToken=${readToken}></overview-page>` : ''}
      ${this.route.page === 'doc' && token
        ? html`<budget-document doc-id=${this.route.id} .token=${token} .wsBase=${this.#wsBase} .user=${this.user}></budget-document>`
        : ''}
      ${this.route.page === 'compare' && token && ready('compare-page', () => import('../compare/compare-page.ts'))
        ? html`<compare-page doc-id=${this.route.id} from=${this.route.from} to=${this.route.to} against=${this.route.against} .api=${this.#versionsApi(this.route.id)}></compare-page>`
        : ''}
      ${page === 'not-found' ? html`<p style="padding:2rem">${t('doc.notFound')} · <a href="/">${t('doc.backToList')}</a></p>` : ''}`;
  }

  #versionsApi(docId: string): VersionsApi {
    if (this.#versions?.id !== docId) this.#versions = { id: docId, api: new VersionsApi(new DocEndpoint(window.location.origin, docId, readToken)) };
    return this.#versions.api;
  }

  /** Shows `path` without reloading; `replace` keeps it out of the back-button history. */
  navigate(path: string, replace = false): void {
    if (replace) window.history.replaceState(null, '', path);
    else window.history.pushState(null, '', path);
    this.route = parseRoute(new URL(window.location.href));
    this.#checkSignIn();
  }

  #checkSignIn(): void {
    if (this.route.page === 'signin' || this.route.page === 'not-found') return;
    if (!readToken()) return this.navigate(signInPath(new URL(window.location.href)), true);
    if (this.user) return;
    this.#api.me().then(
      (user) => (this.user = user),
      (error: unknown) => {
        // Unreachable (offline): the stored token still says who signed in, so sign-out stays at hand.
        if (!(error instanceof ApiError && error.status === 401)) return void (this.user ??= tokenUser(readToken() ?? ''));
        clearToken();
        this.navigate(signInPath(new URL(window.location.href)), true);
      },
    );
  }

  #onSignedIn(event: SignedInEvent): void {
    storeToken(event.token);
    this.user = event.user;
    this.navigate(this.route.page === 'signin' ? this.route.next : '/', true);
  }

  // Only an explicit sign-out deletes the person's browser copies (an expired token keeps them).
  async #signOut(): Promise<void> {
    const token = readToken();
    const sub = token ? tokenSubject(token) : null;
    clearToken();
    this.user = null;
    this.navigate('/signin');
    await this.updateComplete;
    if (sub) await clearLocalData(sub).catch(() => undefined);
  }

  // Links inside shadow roots stay in the app: the click's composed path reveals the anchor.
  readonly #onClick = (event: MouseEvent): void => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = event.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement);
    if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
    const url = new URL(anchor.href);
    if (url.origin !== window.location.origin || url.pathname.startsWith('/api/')) return;
    event.preventDefault();
    this.navigate(`${url.pathname}${url.search}${url.hash}`);
  };
}

customElements.define('jixiao-app', JixiaoApp);

declare global {
  interface HTMLElementTagNameMap {
    'jixiao-app': JixiaoApp;
  }
}
