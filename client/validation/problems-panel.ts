import { LitElement, html, nothing } from 'lit';
import { summarizeFindings, type Finding, type IndicatorHierarchy, type Severity } from '../../shared/rules/index.ts';
import { I18nController } from '../i18n/i18n-controller.ts';
import { FindingFixEvent, FindingSelectEvent, HierarchyChangeEvent, ProblemsCloseEvent } from '../events.ts';
import { t } from '../i18n/i18n.ts';
import { localized } from '../i18n/localized.ts';
import { fieldStyles } from '../styles/field.styles.ts';
import { countOf, type SeverityCounts } from './findings-index.ts';
import { entriesByRule, groupFindings, isAcknowledged, outstandingFindings, type FindingGroup, type RuleEntry } from './group-findings.ts';
import { acknowledgementKey, type Acknowledgement } from '../../shared/review/acknowledgements.ts';
import { formatTime } from '../i18n/format-time.ts';
import { FindingAcknowledgeEvent } from './finding-acknowledge-event.ts';
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
 * project with counts, repeated findings of one rule in a project folded into one entry with a
 * count; a severity filter (hints only when asked); findings marked 已确认 left out unless asked
 * for. Picking a finding fires `finding-select`, its 修复 button `finding-fix`, 确认 / 撤销确认
 * `finding-acknowledge`, the hierarchy `hierarchy-change`.
 */
export class ProblemsPanel extends LitElement {
  static override properties = {
    findings: { attribute: false },
    counts: { attribute: false },
    projects: { attribute: false },
    hierarchy: {},
    readonly: { type: Boolean },
    acknowledgements: { attribute: false },
    canAcknowledge: { type: Boolean, attribute: 'can-acknowledge' },
    shown: { state: true },
    showAcknowledged: { state: true },
    expanded: { state: true },
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
  /** 已确认 marks by finding key (`acknowledgementKey`): who and when. */
  declare acknowledgements: ReadonlyMap<string, Acknowledgement>;
  /** Offers 确认 / 撤销确认 (people who write the content). */
  declare canAcknowledge: boolean;
  /** Lists acknowledged findings too (they are left out otherwise, so the list shrinks as work is done). */
  declare showAcknowledged: boolean;
  /** Grouped entries opened to show each place, by `<project>|<rule>`. */
  declare expanded: ReadonlySet<string>;

  constructor() {
    super();
    new I18nController(this);
    this.findings = [];
    this.counts = { errors: 0, warnings: 0, infos: 0 };
    this.projects = [];
    this.hierarchy = 'legacy-3';
    this.readonly = false;
    // Hints only when asked: 30 blue lines next to the real problems make people stop reading.
    this.shown = new Set<Severity>(['error', 'warning']);
    this.acknowledgements = new Map();
    this.canAcknowledge = false;
    this.showAcknowledged = false;
    this.expanded = new Set();
  }

  #isAcknowledged(f: Finding): boolean {
    return isAcknowledged(f, this.acknowledgements);
  }

  override render() {
    const outstanding = outstandingFindings(this.findings, this.acknowledgements);
    const ackedCount = this.findings.length - outstanding.length;
    // The filter counts what is still to be looked at: marking a warning takes it off the count.
    const left = ackedCount > 0 ? summarizeFindings(outstanding) : this.counts;
    const groups = groupFindings(this.showAcknowledged ? this.findings : outstanding, this.shown);
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
              ${severityIcon(s)} ${t(`validation.${s}`)} ${countOf(left, s)}
            </button>`,
          )}
          ${ackedCount > 0
            ? html`<button class="acked" aria-pressed=${this.showAcknowledged ? 'true' : 'false'} data-testid="filter-acknowledged"
                @click=${() => (this.showAcknowledged = !this.showAcknowledged)}>✓ ${t('findings.showAcknowledged', { count: ackedCount })}</button>`
            : nothing}
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
      <ul>${entriesByRule(group.findings).map((e) => this.#entry(group.projectId, e))}</ul>
    </section>`;
  }

  #entry(projectId: string | null, entry: RuleEntry) {
    const f = entry.findings[0]!;
    const key = `${projectId ?? ''}|${entry.ruleId}`;
    const many = entry.findings.length > 1;
    const open = this.expanded.has(key);
    const fix = f.fix;
    return html`<li class=${f.severity} data-testid="problem" data-rule=${f.ruleId} data-count=${entry.findings.length}>
      <div class="line">
        <button class="entry" @click=${() => this.dispatchEvent(new FindingSelectEvent(f))}>
          <span class="icon">${severityIcon(f.severity)}</span>
          <span class="message"><span class="visually-hidden">${t(`validation.${f.severity}`)}：</span>${localized(f)}</span>
          <small class="rule">${t('findings.rule', { id: f.ruleId })}${many ? html` · <b data-testid="problem-count">${t('findings.places', { count: entry.findings.length })}</b>` : nothing}</small>
        </button>
        ${fix && !this.readonly && !many
          ? html`<button class="fix" title=${localized(fix)} aria-label=${t('validation.fixLabel', { description: localized(fix) })} data-testid="fix"
              @click=${() => this.dispatchEvent(new FindingFixEvent(f))}>${t('validation.fix')}</button>`
          : nothing}
        ${this.#ackButton(entry.findings)}
      </div>
      ${many
        ? html`<button class="more" aria-expanded=${open ? 'true' : 'false'} data-testid="problem-expand" @click=${() => this.#expand(key)}>
            ${open ? t('findings.collapse') : t('findings.expand', { count: entry.findings.length })}</button>`
        : nothing}
      ${many && open ? html`<ul class="places">${entry.findings.map((one) => html`<li class=${one.severity} data-testid="problem-place"><div class="line">
          <button class="entry" @click=${() => this.dispatchEvent(new FindingSelectEvent(one))}><span class="icon"></span><span class="message">${localized(one)}</span></button>
          ${this.#ackButton([one])}</div>${this.#ackNote(one)}</li>`)}</ul>` : nothing}
      ${!many ? this.#ackNote(f) : nothing}
    </li>`;
  }

  /** 确认 for unmarked warnings and hints, 撤销确认 when all are marked; nothing for errors or those who may not. */
  #ackButton(findings: readonly Finding[]) {
    if (!this.canAcknowledge || findings[0]?.severity === 'error') return nothing;
    const marked = findings.every((f) => this.#isAcknowledged(f));
    return html`<button class="fix ack" data-testid=${marked ? 'unacknowledge' : 'acknowledge'} title=${marked ? t('findings.unacknowledge') : t('findings.acknowledgeTitle')}
      @click=${() => this.dispatchEvent(new FindingAcknowledgeEvent(marked ? findings : findings.filter((f) => !this.#isAcknowledged(f)), !marked))}>
      ${marked ? t('findings.unacknowledge') : t('findings.acknowledge')}</button>`;
  }

  /** Who marked the finding and when, for reviewers and everyone else. */
  #ackNote(f: Finding) {
    const ack = this.#isAcknowledged(f) ? this.acknowledgements.get(acknowledgementKey(f.ruleId, f.place)) : undefined;
    return ack ? html`<small class="ack-note" data-testid="acknowledged-by">${t('findings.acknowledged', { name: ack.by.name, time: formatTime(ack.at) })}</small>` : nothing;
  }

  #expand(key: string): void {
    const next = new Set(this.expanded);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    this.expanded = next;
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
