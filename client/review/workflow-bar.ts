import { LitElement, html, nothing } from 'lit';
import type { Member } from '../../shared/review/review-types.ts';
import type { Finding } from '../../shared/rules/index.ts';
import { errorMessage } from '../api/error-message.ts';
import { ApiError } from '../api/api-error.ts';
import type { ReviewApi } from '../api/review-api.ts';
import { BlockingFindingsSchema } from '../api/review-schemas.ts';
import { I18nController } from '../i18n/i18n-controller.ts';
import { FindingSelectEvent } from '../events.ts';
import { localized } from '../i18n/localized.ts';
import { roleLabel } from '../i18n/role-label.ts';
import { t } from '../i18n/i18n.ts';
import { statusLabel } from './activity-text.ts';
import { ToastEvent } from './review-events.ts';
import { allowedTransitions, canSuggest, readonlyReason, type DocStatus } from '../../shared/review/workflow.ts';
import { fieldStyles } from '../styles/field.styles.ts';
import type { MembersDialog } from './members-dialog.ts';
import type { ProjectChoice } from './grant-editor.ts';
import type { PromptDialog } from '../popup/prompt-dialog.ts';
import { workflowBarStyles } from './workflow-bar.styles.ts';
import './members-dialog.ts';
import '../popup/prompt-dialog.ts';

/** Fired by the workflow bar when the user turns 建议模式 on or off. */
export class SuggestModeEvent extends Event {
  static readonly eventName = 'suggest-mode';
  readonly on: boolean;

  constructor(on: boolean) {
    super(SuggestModeEvent.eventName, { bubbles: true, composed: true });
    this.on = on;
  }
}

/**
 * The status bar on top of a document: its workflow status (草稿 / 已提交 / 退回修改 / 已审定),
 * the user's role and why the content is read-only, the status changes this role may make
 * (提交, 退回 with a required comment, 审定, 重新编辑), 建议模式 for those who may suggest, and
 * 成员 for owners. A submit refused for validation errors lists them; a click goes to one.
 */
export class WorkflowBar extends LitElement {
  static override properties = {
    api: { attribute: false },
    status: {},
    // A property only: the attribute `role` is the element's ARIA role.
    role: { attribute: false },
    readonly: { type: Boolean },
    suggestMode: { type: Boolean, attribute: 'suggest-mode' },
    members: { attribute: false },
    projects: { attribute: false },
    canWithdraw: { type: Boolean, attribute: 'can-withdraw' },
    blocked: { state: true },
    busy: { state: true },
  };
  static override styles = [fieldStyles, workflowBarStyles];

  declare api: ReviewApi | null;
  /** The document's workflow status. */
  declare status: DocStatus;
  /** The user's role on the document; empty while unknown. */
  declare role: string;
  /** The server lets this user's connection change nothing. */
  declare readonly: boolean;
  /** Edits become suggestions. */
  declare suggestMode: boolean;
  /** Per-document roles, for the members dialog. */
  declare members: Record<string, Member>;
  /** The document's projects, for the members dialog's grants. */
  declare projects: readonly ProjectChoice[];
  /** 撤回 is offered: this person submitted and no reviewer has acted since (`canWithdraw`). */
  declare canWithdraw: boolean;
  /** Errors that blocked the last submit. */
  declare blocked: Finding[];
  declare busy: boolean;

  constructor() {
    super();
    new I18nController(this);
    this.api = null;
    this.status = 'draft';
    this.role = '';
    this.readonly = false;
    this.suggestMode = false;
    this.members = {};
    this.projects = [];
    this.canWithdraw = false;
    this.blocked = [];
    this.busy = false;
  }

  override render() {
    const reason = readonlyReason(this.role, this.status, this.readonly);
    const actions = this.role ? allowedTransitions(this.role, this.status) : [];
    return html`<div class="bar" role="group" aria-label=${t('workflow.label')} data-testid="workflow-bar">
        <span class="status ${this.status}" data-testid="workflow-status" data-status=${this.status}>${statusLabel(this.status)}</span>
        ${this.role ? html`<span class="role" data-testid="my-role">${t('workflow.myRole', { role: roleLabel(this.role) })}</span>` : nothing}
        ${reason ? html`<span class="readonly ${reason}" data-testid="readonly-badge" data-reason=${reason}>${t(`workflow.readonly.${reason}`)}</span>` : nothing}
        <span class="spacer"></span>
        ${this.role && canSuggest(this.role, this.status)
          ? html`<label class="suggest"><input type="checkbox" role="switch" data-testid="suggest-mode" .checked=${this.suggestMode} title=${t('suggestions.modeTitle')}
              @change=${(e: Event) => this.dispatchEvent(new SuggestModeEvent((e.target as HTMLInputElement).checked))} />${t('suggestions.mode')}</label>`
          : nothing}
        ${actions.map((to) => html`<button class=${to === 'returned' ? '' : 'primary'} data-testid="workflow-${to}" ?disabled=${this.busy} @click=${() => this.#change(to)}>${t(`workflow.actions.${to}`)}</button>`)}
        ${this.canWithdraw
          ? html`<button data-testid="workflow-withdraw" title=${t('sheet.withdrawTitle')} ?disabled=${this.busy} @click=${() => this.#change('draft')}>${t('sheet.withdraw')}</button>`
          : nothing}
        ${this.role === 'owner' ? html`<button data-testid="members-open" @click=${() => this.renderRoot.querySelector<MembersDialog>('members-dialog')?.open()}>${t('workflow.members')}</button>` : nothing}
      </div>
      ${this.blocked.length > 0 ? this.#blocked() : nothing}
      <prompt-dialog></prompt-dialog>
      <members-dialog .api=${this.api} .members=${this.members} .projects=${this.projects}></members-dialog>`;
  }

  #blocked() {
    return html`<div class="blocked" role="alert" data-testid="submit-blocked">
      <p>${t('workflow.submitBlocked', { count: this.blocked.length })}<button class="close" aria-label=${t('common.close')} @click=${() => (this.blocked = [])}>×</button></p>
      <ul>${this.blocked.map((f) => html`<li><button class="finding" data-testid="blocking-finding" @click=${() => this.dispatchEvent(new FindingSelectEvent(f))}>${localized(f)}</button></li>`)}</ul>
    </div>`;
  }

  async #change(to: DocStatus): Promise<void> {
    const api = this.api;
    if (!api) return;
    const dialog = this.renderRoot.querySelector<PromptDialog>('prompt-dialog');
    let comment: string | undefined;
    if (to === 'returned') {
      const answer = await dialog?.ask({ title: t('workflow.returnTitle'), input: { label: t('workflow.returnComment'), required: true, multiline: true }, confirm: t('workflow.actions.returned') });
      if (!answer) return;
      comment = answer;
    }
    if (to === 'approved' && (await dialog?.ask({ title: t('workflow.actions.approved'), message: t('workflow.approveConfirm'), confirm: t('workflow.actions.approved') })) == null) return;
    this.busy = true;
    this.blocked = [];
    try {
      await api.changeStatus(to, comment);
    } catch (error) {
      const findings = error instanceof ApiError ? BlockingFindingsSchema.safeParse(error.details) : null;
      if (findings?.success && findings.data.findings.length > 0) this.blocked = findings.data.findings;
      else this.dispatchEvent(new ToastEvent({ message: errorMessage(error), tone: 'error' }));
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('workflow-bar', WorkflowBar);

declare global {
  interface HTMLElementTagNameMap {
    'workflow-bar': WorkflowBar;
  }
  interface HTMLElementEventMap {
    'suggest-mode': SuggestModeEvent;
  }
}
