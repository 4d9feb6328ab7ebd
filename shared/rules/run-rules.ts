import type { BudgetText } from '../model/budget-text-schema.ts';
import type { Finding, Severity } from './finding.ts';
import { fillTemplate } from './format-message.ts';
import type { ProjectView } from './project-view.ts';
import type { Report, Reporter, Rule } from './rule.ts';
import type { ValidationContext } from './validation-context.ts';
import type { ValidationSettings } from './validation-settings.ts';

/** A rule enabled for a run, with its catalogue position (to order findings) and main severity. */
export interface ActiveRule {
  rule: Rule;
  order: number;
  severity: Severity;
}

/** A finding with its sort keys inside a project: row position (-1 = header) and rule position. */
export interface RankedFinding {
  finding: Finding;
  row: number;
  order: number;
}

/** The rules of `catalogue` that `settings` enables, with severity overrides applied. */
export function activateRules(catalogue: readonly Rule[], settings: ValidationSettings): ActiveRule[] {
  const disabled = new Set(settings.disabledRules);
  return catalogue
    .map((rule, order) => ({ rule, order, severity: settings.severityOverrides[rule.id] ?? rule.severityFor?.(settings) ?? rule.severity }))
    .filter((a) => !disabled.has(a.rule.id));
}

function toFinding(active: ActiveRule, r: Report): Finding {
  const template = r.variant ?? r.message ?? active.rule.message;
  const finding: Finding = {
    ruleId: active.rule.id,
    severity: r.variant?.severity ?? active.severity,
    scope: active.rule.scope,
    place: r.place,
    zh: fillTemplate(template.zh, r.params, 'zh'),
    en: fillTemplate(template.en, r.params, 'en'),
  };
  if (r.fix) finding.fix = r.fix;
  return finding;
}

function byRowThenRule(a: RankedFinding, b: RankedFinding): number {
  return a.row - b.row || a.order - b.order;
}

/** Runs every project rule on one project; the result is sorted header first, then rows in order. */
export function runProjectRules(view: ProjectView, ctx: ValidationContext, rules: readonly ActiveRule[]): RankedFinding[] {
  const out: RankedFinding[] = [];
  for (const active of rules) {
    const check = active.rule.checkProject;
    if (!check) continue;
    const report: Reporter = (r) => {
      const row = r.place.indicator === undefined ? -1 : (view.rowIndex.get(r.place.indicator) ?? -1);
      out.push({ finding: toFinding(active, r), row, order: active.order });
    };
    check(view, ctx, report);
  }
  return out.sort(byRowThenRule);
}

/** Findings of the document rules: those without a project, and those that point into a project (by project id). */
export interface DocumentFindings {
  document: RankedFinding[];
  byProject: Map<string, RankedFinding[]>;
}

/** Runs every document rule (including cross-project rules) once over the whole text. */
export function runDocumentRules(doc: BudgetText, views: readonly ProjectView[], ctx: ValidationContext, rules: readonly ActiveRule[]): DocumentFindings {
  const result: DocumentFindings = { document: [], byProject: new Map() };
  const viewById = new Map(views.map((v) => [v.project.id, v]));
  for (const active of rules) {
    const check = active.rule.checkDocument;
    if (!check) continue;
    const report: Reporter = (r) => {
      const ranked: RankedFinding = { finding: toFinding(active, r), row: -1, order: active.order };
      const view = r.place.project === undefined ? undefined : viewById.get(r.place.project);
      if (!view) {
        result.document.push(ranked);
        return;
      }
      if (r.place.indicator !== undefined) ranked.row = view.rowIndex.get(r.place.indicator) ?? -1;
      const list = result.byProject.get(view.project.id) ?? [];
      list.push(ranked);
      result.byProject.set(view.project.id, list);
    };
    check(doc, views, ctx, report);
  }
  result.document.sort((a, b) => a.order - b.order);
  return result;
}

/** Findings in the public order: document first, then each project (header, then rows in order). */
export function assembleFindings(views: readonly ProjectView[], perProject: readonly (readonly RankedFinding[])[], docFindings: DocumentFindings): Finding[] {
  const out: Finding[] = docFindings.document.map((r) => r.finding);
  views.forEach((view, i) => {
    const own = perProject[i] ?? [];
    const cross = docFindings.byProject.get(view.project.id);
    const merged = cross ? [...own, ...cross].sort(byRowThenRule) : own;
    for (const r of merged) out.push(r.finding);
  });
  return out;
}
