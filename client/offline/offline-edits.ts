import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { metaMap, readString } from '../../shared/model/index.ts';
import type { ReviewApi } from '../api/review-api.ts';
import { errorMessage } from '../api/error-message.ts';
import type { DocSession } from '../collab/doc-session.ts';
import { SessionController } from '../collab/session-controller.ts';
import { I18nController } from '../i18n/i18n-controller.ts';
import { t } from '../i18n/i18n.ts';
import { roleLabel } from '../i18n/role-label.ts';
import { placeOf, valuesOf } from './change-label.ts';
import { toSuggestion } from './change-suggestion.ts';
import { exportKeptEdits, isTokenRefusal, keptReason, offerAsSuggestions } from './kept-edits.ts';
import { offlineReloadAvailable } from './register-service-worker.ts';

/** Fired when the person discarded (or handed over as suggestions) the edits kept in this browser: reopen the document. */
class LocalDiscardedEvent extends Event {
  static readonly eventName = 'local-discarded';

  constructor() {
    super(LocalDiscardedEvent.eventName, { bubbles: true, composed: true });
  }
}

/**
 * What the page says about the browser copy of a document: that it shows the copy while offline,
 * that offline reload is unavailable on plain http, and, when the server refuses this person's
 * unsent edits (document locked, rights lost, document gone), those edits with why, a one-click
 * offer as suggestions, an export and a discard.
 */
export class OfflineEdits extends LitElement {
  static override properties = { session: { attribute: false }, api: { attribute: false }, status: {}, personRole: { attribute: false }, busy: { state: true }, message: { state: true } };
  static override styles = css`
    :host { display: block; }
    .note { margin: 0.4rem 0; padding: 0.4rem 0.8rem; border-radius: 4px; background: var(--jx-info-surface); color: var(--jx-info); font-size: 0.9rem; }
    section { margin: 0.6rem 0; padding: 0.8rem 1rem; border: 1px solid var(--jx-danger); border-radius: 6px; background: var(--jx-danger-surface); }
    h2 { margin: 0 0 0.3rem; font-size: 1.05rem; color: var(--jx-danger); }
    p { margin: 0.3rem 0; }
    table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; background: var(--jx-surface); font-size: 0.88rem; }
    th, td { border: 1px solid var(--jx-border); padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; white-space: pre-wrap; }
    td.yours { font-weight: 600; }
    .actions { display: flex; gap: 0.5rem; flex-wrap: wrap; align-items: center; }
    button { font: inherit; padding: 0.2rem 0.8rem; cursor: pointer; }
    button.primary { background: var(--jx-accent); color: white; border: 1px solid var(--jx-accent); border-radius: 4px; }
  `;

  /** The open document's session. */
  declare session: DocSession | null;
  /** Where suggestions go; null while the review is not loaded (no suggest button then). */
  declare api: ReviewApi | null;
  /** The workflow status of the document. */
  declare status: string;
  /** The person's role on the document (not `role`: that attribute is ARIA's). */
  declare personRole: string;
  declare busy: boolean;
  declare message: string;

  readonly #state = new SessionController(this);

  constructor() {
    super();
    new I18nController(this);
    this.session = null;
    this.api = null;
    this.status = '';
    this.personRole = '';
    this.busy = false;
    this.message = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session')) this.#state.setSession(this.session);
  }

  override render() {
    const state = this.#state.state;
    const copy = this.session?.offline;
    if (!state || !copy) return nothing;
    const offline = state.connection !== 'connected' && state.localCopy;
    // Refused: the server holds the document but not these edits, or no longer opens it for this person.
    const refused = (state.connection === 'connected' && (state.readonly || state.refusal !== null)) || (state.authError !== null && !isTokenRefusal(state.authError));
    const kept = copy.count > 0 && refused;
    return html`${offline ? html`<p class="note" role="status" data-testid="offline-copy">${t('offline.localCopy')}</p>` : nothing}
      ${state.localError ? html`<p class="note" role="alert" data-testid="offline-store-failed">${t('offline.storeFailed')}</p>` : nothing}
      ${offlineReloadAvailable() ? nothing : html`<p class="note" data-testid="offline-no-reload">${t('offline.noReload')}</p>`}
      ${kept ? this.#kept() : this.message ? html`<p class="note" role="status" data-testid="kept-message">${this.message}</p>` : nothing}`;
  }

  #kept() {
    const session = this.session;
    const copy = session?.offline;
    if (!session || !copy) return nothing;
    const state = session.state;
    const reason = keptReason({ authError: state.authError, refusal: state.refusal, status: this.status, role: this.personRole });
    const why = t(`offline.${reason}`, { role: roleLabel(this.personRole), reason: state.refusal ?? '' });
    const suggestible = copy.changes.filter((c) => toSuggestion(c) !== null).length;
    const canSuggest = this.api !== null && reason !== 'gone' && reason !== 'approved' && this.personRole !== 'viewer' && suggestible > 0;
    return html`<section role="alert" aria-labelledby="kept-title" data-testid="kept-edits">
      <h2 id="kept-title">${t('offline.keptTitle', { count: copy.count })}</h2>
      <p data-testid="kept-reason">${why}</p><p>${t('offline.keptHint')}</p>
      <table><thead><tr><th></th><th>${t('offline.yours')}</th><th>${t('offline.server')}</th></tr></thead><tbody>
        ${copy.changes.map((c) => {
          const v = valuesOf(c);
          return html`<tr data-testid="kept-change"><th scope="row">${placeOf(c, session.doc)}</th><td class="yours">${v.yours}</td><td>${v.server}</td></tr>`;
        })}
      </tbody></table>
      ${suggestible < copy.changes.length ? html`<p>${t('offline.notSuggestible')}</p>` : nothing}
      ${this.message ? html`<p role="status" data-testid="kept-message">${this.message}</p>` : nothing}
      <div class="actions">
        ${canSuggest ? html`<button class="primary" data-testid="kept-suggest" ?disabled=${this.busy} @click=${this.#suggest}>${this.busy ? t('offline.suggesting') : t('offline.suggest', { count: suggestible })}</button>` : nothing}
        <button data-testid="kept-export" @click=${() => exportKeptEdits(this.session?.origin.docId ?? '', readString(metaMap(session.doc), 'title'), why, copy.changes)}>${t('offline.export')}</button>
        <button data-testid="kept-discard" ?disabled=${this.busy} @click=${this.#discard}>${t('offline.discard')}</button>
      </div></section>`;
  }

  readonly #suggest = async (): Promise<void> => {
    const copy = this.session?.offline;
    const api = this.api;
    if (!copy || !api) return;
    this.busy = true;
    try {
      const changes = [...copy.changes];
      const sent = await offerAsSuggestions(changes, (s) => api.suggest(s));
      this.message = t('offline.suggested', { count: sent });
      // Everything went over as suggestions: the browser copy has nothing left to keep.
      if (changes.every((c) => toSuggestion(c) !== null)) await this.#dropCopy();
    } catch (error) {
      this.message = t('offline.suggestFailed', { message: errorMessage(error) });
    } finally {
      this.busy = false;
    }
  };

  readonly #discard = async (): Promise<void> => {
    if (!window.confirm(t('offline.discardConfirm'))) return;
    this.message = '';
    await this.#dropCopy();
  };

  async #dropCopy(): Promise<void> {
    await this.session?.offline?.discard();
    this.dispatchEvent(new LocalDiscardedEvent());
  }
}

customElements.define('offline-edits', OfflineEdits);

declare global {
  interface HTMLElementTagNameMap {
    'offline-edits': OfflineEdits;
  }
}
