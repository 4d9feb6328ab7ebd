import type { BudgetText, Project } from '../model/budget-text-schema.ts';
import type { Finding } from './finding.ts';
import { projectFingerprint } from './project-fingerprint.ts';
import { buildProjectView, type ProjectView } from './project-view.ts';
import { RULES } from './rules.ts';
import { activateRules, assembleFindings, runDocumentRules, runProjectRules, type ActiveRule, type RankedFinding } from './run-rules.ts';
import { createValidationContext, sameProjectInputs, type ValidationContext } from './validation-context.ts';
import { resolveValidationSettings, type ValidationSettings } from './validation-settings.ts';

interface CachedProject {
  ref: Project;
  fingerprint: string;
  view: ProjectView;
  findings: RankedFinding[] | null;
}

/**
 * Validation for live editing: returns exactly what {@link validateBudgetText} would, but reruns
 * project rules only for projects that changed since the previous call. Document and
 * cross-project rules always rerun (they are linear and cheap).
 *
 * A project counts as unchanged when
 * - `changedProjectIds` is given: it is not listed and is the same object as last time
 *   (or an equal copy, by fingerprint) — callers that mutate projects in place must list them;
 * - `changedProjectIds` is omitted: its content fingerprint is unchanged (safe for any caller).
 * A change of the stated/coded year or of 分项绩效目标 invalidates every project.
 */
export class IncrementalValidator {
  private readonly rules: readonly ActiveRule[];
  private readonly settings: ValidationSettings;
  private cache = new Map<string, CachedProject>();
  private lastContext: ValidationContext | null = null;

  /** Settings are fixed for the validator's life; create a new one when the document's settings change. */
  constructor(settings?: Partial<ValidationSettings>) {
    this.settings = resolveValidationSettings(settings);
    this.rules = activateRules(RULES, this.settings);
  }

  /** Findings for `doc`, in the same order as {@link validateBudgetText}. */
  validate(doc: BudgetText, changedProjectIds?: Iterable<string>): Finding[] {
    const changed = changedProjectIds === undefined ? null : new Set(changedProjectIds);
    const next = new Map<string, CachedProject>();
    for (const project of doc.projects) next.set(project.id, this.reuseOrBuild(project, changed));
    this.cache = next;
    const entries = doc.projects.map((p) => next.get(p.id) as CachedProject);
    const views = entries.map((e) => e.view);
    const ctx = createValidationContext(doc, views, this.settings);
    const stale = this.lastContext === null || !sameProjectInputs(this.lastContext, ctx);
    this.lastContext = ctx;
    const perProject = entries.map((e) => {
      if (stale || e.findings === null) e.findings = runProjectRules(e.view, ctx, this.rules);
      return e.findings;
    });
    return assembleFindings(views, perProject, runDocumentRules(doc, views, ctx, this.rules));
  }

  private reuseOrBuild(project: Project, changed: Set<string> | null): CachedProject {
    const old = this.cache.get(project.id);
    if (old && changed && !changed.has(project.id) && old.ref === project) return old;
    const fingerprint = projectFingerprint(project);
    if (old && (changed === null || !changed.has(project.id)) && old.fingerprint === fingerprint) {
      old.ref = project;
      return old;
    }
    return { ref: project, fingerprint, view: buildProjectView(project), findings: null };
  }
}
