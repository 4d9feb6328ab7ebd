import { LitElement, html, nothing } from 'lit';
import type { Finding, IndicatorHierarchy, Severity } from '../../shared/rules/index.ts';
import { I18nController } from '../i18n/i18n-controller.ts';
import { FindingFixEvent, FindingSelectEvent, HierarchyChangeEvent, ProblemsCloseEvent } from '../events.ts';
import { t } from '../i18n/i18n.ts';
import { localized } from '../i18n/localized.ts';
import { fieldStyles } from '../styles/field.styles.ts';
import { countOf, type SeverityCounts } from './findings-index.ts';
import { groupFindings, type FindingGroup } from './group-findings.ts';
import { SEVERITIES } from './severity.ts';
import { severityIcon } from './severity-icon.ts';
import { problemsPanelStyles } from './problems-panel.styles.ts';

/** A project as the panel names it. */
export interface PanelProject {
  id: string;
  name: string;
}

/**
 * The problems panel: every finding of the document, the document's own first, then grouped by
 * project with counts; a severity filter; the document's indicator hierarchy. Picking a finding
 * fires `finding-select`, its 修复 button `finding-fix`, the hierarchy `hierarchy-change`.
 */
export class ProblemsPanel extends LitElement {
  static override properties = {
    findings: { attribute: false },
    counts: { attribute: false },
    projects: { attribute: false },
    hierarchy: {},
    readonly: { type: Boolean },
    shown: { state: true },
  };
  static override styles = [fieldStyles, problemsPanelStyles];

  /** Every finding of the document, in validator order. */
  declare findings: readonly Finding[];
  /** Counts over {@link findings}. */
  declare counts: SeverityCounts;
  /** The projects in document order, to name the groups. */
  declare projects: readonly PanelProject[];
  /** The hierarchy the document is validated against. */
  declare hierarchy: IndicatorHierarchy;
  /** Hides fixes and settings changes from users who may not edit. */
  declare readonly: boolean;
  declare shown: ReadonlySet<Severity>;

  constructor() {
    super();
    new I18nController(this);
    this.findings = [];
    this.counts = { errors: 0, warnings: 0, infos: 0 };
    this.projects = [];
    this.hierarchy = 'legacy-3';
    this.readonly = false;
    this.shown = new Set(SEVERITIES);
  }

  override render() {
    const groups = groupFindings(this.findings, this.shown);
    return html`<header>
        <h2 id="title">${t('validation.panelTitle')}</h2>
        <button class="close" aria-label=${t('validation.close')} data-testid="problems-close" @click=${() => this.dispatchEvent(new ProblemsCloseEvent())}>×</button>
      </header>
      <div class="controls">
        <label class="setting">${t('validation.hierarchy')}
          <select data-testid="hierarchy-select" ?disabled=${this.readonly} @change=${this.#onHierarchy}>
            <option value="legacy-3" ?selected=${this.hierarchy === 'legacy-3'}>${t('validation.hierarchyLegacy')}</option>
            <option value="mof-2021-4" ?selected=${this.hierarchy === 'mof-2021-4'}>${t('validation.hierarchyMof')}</option>
          </select>
        </label>
        <div class="filter" role="group" aria-label=${t('validation.filterLabel')}>
          ${SEVERITIES.map(
            (s) => html`<button class=${s} aria-pressed=${this.shown.has(s) ? 'true' : 'false'} data-testid="filter-${s}" @click=${() => this.#toggle(s)}>
              ${severityIcon(s)} ${t(`validation.${s}`)} ${countOf(this.counts, s)}
            </button>`,
          )}
        </div>
      </div>
      <div class="groups" data-testid="problems-list">
        ${groups.map((g) => this.#group(g))}
        ${this.findings.length === 0 ? html`<p class="empty clean">✓ ${t('validation.none')}</p>` : groups.length === 0 ? html`<p class="empty">${t('validation.noneShown')}</p>` : nothing}
      </div>`;
  }

  #group(group: FindingGroup) {
    const index = this.projects.findIndex((p) => p.id === group.projectId);
    const name = group.projectId === null ? t('validation.document') : `${index + 1}. ${this.projects[index]?.name || t('project.untitled')}`;
    return html`<section data-testid="problems-group-${group.projectId ?? 'document'}" aria-label=${name}>
      <h3><span class="name">${name}</span>${counts(group.counts)}</h3>
      <ul>${group.findings.map((f) => this.#entry(f))}</ul>
    </section>`;
  }

  #entry(f: Finding) {
    const fix = f.fix;
    return html`<li class=${f.severity} data-testid="problem" data-rule=${f.ruleId}>
      <button class="entry" @click=${() => this.dispatchEvent(new FindingSelectEvent(f))}>
        <span class="icon">${severityIcon(f.severity)}</span>
        <span class="message"><span class="visually-hidden">${t(`validation.${f.severity}`)}：</span>${localized(f)}</span>
        <span class="rule">${f.ruleId}</span>
      </button>
      ${fix && !this.readonly
        ? html`<button class="fix" title=${localized(fix)} aria-label=${t('validation.fixLabel', { description: localized(fix) })} data-testid="fix"
            @click=${() => this.dispatchEvent(new FindingFixEvent(f))}>${t('validation.fix')}</button>`
        : nothing}
    </li>`;
  }

  #toggle(severity: Severity): void {
    const next = new Set(this.shown);
    if (next.has(severity)) next.delete(severity);
    else next.add(severity);
    this.shown = next;
  }

  #onHierarchy(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    if (value === 'legacy-3' || value === 'mof-2021-4') this.dispatchEvent(new HierarchyChangeEvent(value));
  }
}

// `⛔ 2 ⚠ 1 ℹ 3`, leaving out severities without findings.
function counts(c: SeverityCounts) {
  return html`<span class="counts">${SEVERITIES.filter((s) => countOf(c, s) > 0).map(
    (s) => html`<span class=${s} title=${t(`validation.${s}`)}>${severityIcon(s)} ${countOf(c, s)}</span>`,
  )}</span>`;
}

customElements.define('problems-panel', ProblemsPanel);

declare global {
  interface HTMLElementTagNameMap {
    'problems-panel': ProblemsPanel;
  }
}
