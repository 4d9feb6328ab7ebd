import { html, nothing, type ReactiveControllerHost } from 'lit';
import { mayEdit, type EditTarget } from '../../shared/access/grants.ts';
import { toBudgetJson, type BudgetText } from '../../shared/model/index.ts';
import type { SessionState } from '../collab/doc-session.ts';
import type * as Y from 'yjs';
import { t } from '../i18n/i18n.ts';
import { listRefusedValues } from './refused-values.ts';
import './refused-panel.ts';

/**
 * Keeps what the server refused across the fresh session a refusal forces: the tab's content
 * before it started again (`remember`), turned into lines once the server's state has loaded,
 * and shown in a `<refused-panel>` until dismissed.
 */
export class RefusalKeeper {
  readonly #host: ReactiveControllerHost;
  #local: BudgetText | null = null;
  #spent: Y.Doc | null = null;
  #lines: string[] = [];

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  /** Keeps `local` (the content with the refused values) until a session other than `spent`'s has loaded. */
  remember(local: BudgetText, spent: Y.Doc): void {
    this.#local = local;
    this.#spent = spent;
    this.#host.requestUpdate();
  }

  /** The panel (nothing when there is nothing to show); `doc` is the current session's document. */
  render(doc: Y.Doc, loaded: boolean) {
    if (this.#local && loaded && doc !== this.#spent) {
      this.#lines = listRefusedValues(this.#local, toBudgetJson(doc));
      this.#local = null;
      this.#spent = null;
    }
    if (this.#lines.length === 0) return nothing;
    return html`<refused-panel .lines=${this.#lines} @dismiss=${() => this.#dismiss()}></refused-panel>`;
  }

  #dismiss(): void {
    this.#lines = [];
    this.#host.requestUpdate();
  }
}

/**
 * Why `target` is read-only for this user under the document's grants (a label to show on
 * hover), or null when they may edit it — the same rule the server enforces
 * (shared/access/grants.ts); the role comes from the server's access message.
 */
export function grantLock(state: SessionState, target: EditTarget): string | null {
  if (state.readonly || state.role === null) return null;
  const view = { mine: state.grant ?? undefined, moneyReserved: state.moneyReserved };
  if (mayEdit(state.role, view, target)) return null;
  return target.kind === 'project' && target.money ? t('refused.moneyLocked') : t('refused.locked');
}
