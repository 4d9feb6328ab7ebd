import { LitElement, css, html, nothing } from 'lit';
import type { Grant } from '../../shared/access/grants.ts';
import { OVERVIEW_SECTIONS, type OverviewSection } from '../../shared/model/budget-text-schema.ts';
import { I18nController } from '../i18n/i18n-controller.ts';
import { t } from '../i18n/i18n.ts';
import { fieldStyles } from '../styles/field.styles.ts';

/** A project as the grant editor lists it. */
export interface ProjectChoice {
  id: string;
  name: string;
}

/** Asks the members dialog to save (`grant`) or remove (null) one person's edit rights. */
export class GrantChangeEvent extends Event {
  static readonly eventName = 'grant-change';
  readonly sub: string;
  readonly grant: Grant | null;

  constructor(sub: string, grant: Grant | null) {
    super(GrantChangeEvent.eventName, { bubbles: true, composed: true });
    this.sub = sub;
    this.grant = grant;
  }
}

/**
 * One person's edit rights, as the document's owner sets them in the members dialog: the
 * projects and 第一部分 sections they may edit, and the money cells. Saving sends the whole grant.
 */
export class GrantEditor extends LitElement {
  static override properties = { sub: {}, name: {}, projects: { attribute: false }, grant: { attribute: false }, busy: { type: Boolean } };
  static override styles = [fieldStyles, css`
    input[type='checkbox'] { width: auto; padding: 0; margin: 0 0.3rem 0 0; vertical-align: -0.1em; }
    button { padding: 0.2rem 0.7rem; font-size: 0.85rem; }
    fieldset { border: 1px solid var(--jx-grid-line); border-radius: 6px; margin: 0.3rem 0; padding: 0.3rem 0.6rem; }
    legend { font-size: 0.8rem; color: var(--jx-muted); }
    label { display: block; font-size: 0.85rem; }
    .buttons { display: flex; gap: 0.4rem; margin-top: 0.3rem; }
  `];

  declare sub: string;
  declare name: string;
  /** The document's projects, in order. */
  declare projects: readonly ProjectChoice[];
  /** The person's current grant, or null (everything the role allows). */
  declare grant: Grant | null;
  declare busy: boolean;

  constructor() {
    super();
    new I18nController(this);
    this.sub = '';
    this.name = '';
    this.projects = [];
    this.grant = null;
    this.busy = false;
  }

  override render() {
    const g = this.grant;
    return html`<form aria-label=${t('members.grantEdit', { name: this.name })} data-testid="grant-editor" data-sub=${this.sub} @submit=${this.#save}>
      <fieldset><legend>${t('members.grantProjects')}</legend>${this.projects.map(
        (p) => html`<label><input type="checkbox" name="project" value=${p.id} ?checked=${g?.projects.includes(p.id) ?? false} />${p.name || p.id}</label>`,
      )}</fieldset>
      <fieldset><legend>${t('members.grantSections')}</legend>${OVERVIEW_SECTIONS.map(
        (s) => html`<label><input type="checkbox" name="section" value=${s} ?checked=${g?.sections.includes(s) ?? false} />${t(`sections.${s}`)}</label>`,
      )}</fieldset>
      <label><input type="checkbox" name="money" ?checked=${g?.money ?? false} data-testid="grant-money" />${t('members.grantMoney')}</label>
      <div class="buttons">
        <button type="submit" class="primary" ?disabled=${this.busy} data-testid="grant-save">${t('members.grantSave')}</button>
        ${g ? html`<button type="button" ?disabled=${this.busy} data-testid="grant-clear" @click=${() => this.dispatchEvent(new GrantChangeEvent(this.sub, null))}>${t('members.grantClear')}</button>` : nothing}
      </div>
    </form>`;
  }

  #save(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const grant: Grant = {
      projects: data.getAll('project').map(String),
      sections: data.getAll('section').map(String) as OverviewSection[],
      money: data.get('money') !== null,
    };
    this.dispatchEvent(new GrantChangeEvent(this.sub, grant));
  }
}

customElements.define('grant-editor', GrantEditor);

declare global {
  interface HTMLElementTagNameMap {
    'grant-editor': GrantEditor;
  }
}
