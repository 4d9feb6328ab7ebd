import { LitElement, css, html, nothing } from 'lit';
import type { Member } from '../../shared/review/review-types.ts';
import { ROLES, type Role } from '../../shared/review/workflow.ts';
import { errorMessage } from '../api/error-message.ts';
import type { ReviewApi } from '../api/review-api.ts';
import { I18nController } from '../i18n/i18n-controller.ts';
import { roleLabel } from '../i18n/role-label.ts';
import { t } from '../i18n/i18n.ts';
import { fieldStyles } from '../styles/field.styles.ts';
import type { Grant } from '../../shared/access/grants.ts';
import type { GrantChangeEvent} from './grant-editor.ts';
import { type ProjectChoice } from './grant-editor.ts';
import './grant-editor.ts';

/**
 * The owner's members dialog: everyone with a role on this document, a role picker each (a
 * change is saved at once), 移除, and a form to add someone by account and name. The list is
 * live from the review document (`members`); writes go through the API.
 */
export class MembersDialog extends LitElement {
  static override properties = {
    api: { attribute: false },
    members: { attribute: false },
    projects: { attribute: false },
    grants: { state: true },
    error: { state: true },
    busy: { state: true },
  };
  static override styles = [
    fieldStyles,
    css`
      dialog { width: min(44rem, calc(100vw - 2rem)); border: 1px solid var(--jx-border); border-radius: 8px; padding: 1rem 1.2rem; }
      dialog::backdrop { background: rgb(0 0 0 / 0.3); }
      h2 { margin: 0 0 0.3rem; font-size: 1.05rem; }
      .hint { margin: 0 0 0.8rem; color: var(--jx-muted); font-size: 0.85rem; }
      table { width: 100%; border-collapse: collapse; font-size: 0.9rem; }
      th, td { text-align: left; padding: 0.3rem 0.4rem; border-bottom: 1px solid var(--jx-grid-line); }
      th { color: var(--jx-muted); font-weight: normal; font-size: 0.82rem; }
      td select { width: auto; }
      .sub { color: var(--jx-muted); font-size: 0.8rem; margin-left: 0.3rem; }
      form { display: grid; grid-template-columns: 1fr 1fr auto auto; gap: 0.4rem; margin-top: 0.8rem; align-items: end; }
      form label { display: grid; gap: 0.2rem; font-size: 0.8rem; color: var(--jx-muted); }
      .buttons { display: flex; justify-content: flex-end; margin-top: 1rem; }
      .empty { color: var(--jx-muted); }
      details summary { cursor: pointer; font-size: 0.85rem; }
    `,
  ];

  declare api: ReviewApi | null;
  /** Per-document roles by sub, live from the review document. */
  declare members: Record<string, Member>;
  /** The document's projects, for granting them. */
  declare projects: readonly ProjectChoice[];
  /** Grants by sub, as the server last said. */
  declare grants: Record<string, Grant>;
  declare error: string;
  declare busy: boolean;

  constructor() {
    super();
    new I18nController(this);
    this.api = null;
    this.members = {};
    this.projects = [];
    this.grants = {};
    this.error = '';
    this.busy = false;
  }

  /** Opens the dialog. */
  async open(): Promise<void> {
    this.error = '';
    await this.updateComplete;
    this.renderRoot.querySelector('dialog')?.showModal();
    await this.#loadGrants();
  }

  async #loadGrants(): Promise<void> {
    const api = this.api;
    if (!api) return;
    await this.#run(async () => {
      this.grants = Object.fromEntries((await api.grants()).map(({ sub, ...g }) => [sub, g]));
    });
  }

  readonly #onGrant = (e: Event): void => {
    const { sub, grant } = e as GrantChangeEvent;
    void this.#run((api) => (grant ? api.setGrant(sub, grant) : api.removeGrant(sub))).then((ok) => (ok ? this.#loadGrants() : undefined));
  };

  #grantCell(sub: string, m: Member | null) {
    if (m && m.role !== 'editor') return html`<td></td>`;
    const g = this.grants[sub];
    const summary = g ? t('members.grantSummary', { projects: g.projects.length, sections: g.sections.length, money: g.money ? t('members.grantMoneyTag') : '' }) : t('members.grantAll');
    return html`<td><details><summary data-testid="grant-summary">${summary}</summary>
      <grant-editor sub=${sub} name=${m?.name ?? sub} .projects=${this.projects} .grant=${g ?? null} ?busy=${this.busy}></grant-editor></details></td>`;
  }

  /** People who hold a grant without a membership (editors by their token): their grant is managed here too. */
  #grantOnlyRows() {
    return Object.keys(this.grants).filter((sub) => !this.members[sub]).sort().map((sub) => html`<tr data-testid="member" data-sub=${sub}>
      <td>${sub}</td><td class="empty">${t('members.byToken')}</td>${this.#grantCell(sub, null)}<td></td></tr>`);
  }

  override render() {
    const entries = Object.entries(this.members).sort(([, a], [, b]) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || a.name.localeCompare(b.name));
    return html`<dialog data-testid="members-dialog" aria-labelledby="members-title" @grant-change=${this.#onGrant}>
      <h2 id="members-title">${t('members.title')}</h2>
      <p class="hint">${t('members.hint')}</p>
      ${entries.length === 0 && Object.keys(this.grants).length === 0 ? html`<p class="empty">${t('members.empty')}</p>` : html`<table>
        <thead><tr><th>${t('members.name')}</th><th>${t('members.role')}</th><th>${t('members.grant')}</th><th></th></tr></thead>
        <tbody>${entries.map(([sub, m]) => html`<tr data-testid="member" data-sub=${sub}>
          <td>${m.name}<span class="sub">${sub}</span></td>
          <td><select aria-label="${t('members.role')}：${m.name}" data-testid="member-role" ?disabled=${this.busy}
            @change=${(e: Event) => this.#run((api) => api.setMember(sub, m.name, (e.target as HTMLSelectElement).value as Role))}>
            ${ROLES.map((r) => html`<option value=${r} ?selected=${r === m.role}>${roleLabel(r)}</option>`)}</select></td>
          ${this.#grantCell(sub, m)}
          <td><button data-testid="member-remove" aria-label=${t('members.removeLabel', { name: m.name })} ?disabled=${this.busy}
            @click=${() => this.#run((api) => api.removeMember(sub))}>${t('members.remove')}</button></td>
        </tr>`)}${this.#grantOnlyRows()}</tbody></table>`}
      <form @submit=${this.#add}>
        <label>${t('members.sub')}<input name="sub" required data-testid="member-new-sub" /></label>
        <label>${t('members.name')}<input name="name" required data-testid="member-new-name" /></label>
        <label>${t('members.role')}<select name="role" data-testid="member-new-role">${ROLES.map((r) => html`<option value=${r} ?selected=${r === 'editor'}>${roleLabel(r)}</option>`)}</select></label>
        <button type="submit" class="primary" data-testid="member-add" ?disabled=${this.busy}>${t('members.add')}</button>
      </form>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <div class="buttons"><button data-testid="members-close" @click=${() => this.renderRoot.querySelector('dialog')?.close()}>${t('members.close')}</button></div>
    </dialog>`;
  }

  async #add(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const sub = String(data.get('sub') ?? '').trim();
    const name = String(data.get('name') ?? '').trim();
    const role = String(data.get('role') ?? 'editor') as Role;
    if (!sub || !name) return;
    if (await this.#run((api) => api.setMember(sub, name, role))) form.reset();
  }

  async #run(action: (api: ReviewApi) => Promise<void>): Promise<boolean> {
    if (!this.api) return false;
    this.busy = true;
    this.error = '';
    try {
      await action(this.api);
      return true;
    } catch (error) {
      this.error = errorMessage(error);
      // A refused change leaves the pickers showing what the server has.
      this.requestUpdate();
      return false;
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('members-dialog', MembersDialog);

declare global {
  interface HTMLElementTagNameMap {
    'members-dialog': MembersDialog;
  }
}
