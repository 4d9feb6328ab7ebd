import { LitElement, css, html, type PropertyValues } from 'lit';
import type { DocSession, SessionState } from './doc-session.ts';
import { I18nController } from '../i18n/i18n-controller.ts';
import { SessionController } from './session-controller.ts';
import { t } from '../i18n/i18n.ts';

/** What the badge shows: `data-state` for tests and styling, plus the labels. */
function describe(state: SessionState): { dataState: 'synced' | 'syncing' | 'offline' | 'locked'; labels: string[] } {
  const n = state.pendingChanges;
  if (state.connection === 'offline') return { dataState: 'offline', labels: n > 0 ? [t('offline.offline'), t('offline.pending', { count: n })] : [t('status.offline')] };
  if (state.connection === 'connecting' || !state.synced) return { dataState: 'syncing', labels: [t('status.connecting'), ...(n > 0 ? [t('offline.pending', { count: n })] : [])] };
  // The server holds the document but refuses these edits (locked, rights lost): they stay here.
  if (n > 0 && (state.readonly || state.refusal)) return { dataState: 'locked', labels: [t('status.connected'), t('offline.notSaved', { count: n })] };
  if (state.unsyncedChanges > 0 || n > 0) return { dataState: 'syncing', labels: [t('status.connected'), t('status.saving')] };
  return { dataState: 'synced', labels: [t('status.connected'), t('status.saved')] };
}

/** Connection badge of an open document: 连接中 / 已连接 · 保存中… / 已连接 · 已保存 / 已离线 · n 处修改未同步. */
export class SyncStatus extends LitElement {
  static override properties = { session: { attribute: false } };
  static override styles = css`
    :host { display: inline-block; }
    span { display: inline-flex; align-items: center; gap: 0.35rem; padding: 0.15rem 0.6rem; border-radius: 999px; font-size: 0.85rem; }
    span::before { content: ''; width: 0.5rem; height: 0.5rem; border-radius: 50%; background: currentColor; }
    [data-state='synced'] { color: var(--jx-ok); background: var(--jx-ok-surface); }
    [data-state='syncing'] { color: var(--jx-warn); background: var(--jx-warn-surface); }
    [data-state='offline'], [data-state='locked'] { color: var(--jx-danger); background: var(--jx-danger-surface); }
  `;

  /** The session whose state is shown. */
  declare session: DocSession | null;

  readonly #state = new SessionController(this);

  constructor() {
    super();
    new I18nController(this);
    this.session = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session')) this.#state.setSession(this.session);
  }

  override render() {
    const state = this.#state.state;
    if (!state) return null;
    const { dataState, labels } = describe(state);
    return html`<span role="status" data-testid="sync-status" data-state=${dataState} data-pending=${state.pendingChanges}>${labels.join(' · ')}</span>`;
  }
}

customElements.define('sync-status', SyncStatus);

declare global {
  interface HTMLElementTagNameMap {
    'sync-status': SyncStatus;
  }
}
