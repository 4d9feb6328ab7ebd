import type { BudgetText } from '../model/budget-text-schema.ts';
import type { Finding } from './finding.ts';
import { buildProjectView } from './project-view.ts';
import { RULES } from './rules.ts';
import { activateRules, assembleFindings, runDocumentRules, runProjectRules } from './run-rules.ts';
import { createValidationContext } from './validation-context.ts';
import { resolveValidationSettings, type ValidationSettings } from './validation-settings.ts';

/**
 * Validates a canonical 部门预算绩效文本 against the catalogue ({@link RULES}) from scratch.
 * Pure: the document is not changed. Findings come document first, then per project in document
 * order (header, then rows in order); on one row, in catalogue order. Missing settings take
 * {@link DEFAULT_VALIDATION_SETTINGS}.
 */
export function validateBudgetText(doc: BudgetText, settings?: Partial<ValidationSettings>): Finding[] {
  const resolved = resolveValidationSettings(settings);
  const rules = activateRules(RULES, resolved);
  const views = doc.projects.map(buildProjectView);
  const ctx = createValidationContext(doc, views, resolved);
  const perProject = views.map((view) => runProjectRules(view, ctx, rules));
  return assembleFindings(views, perProject, runDocumentRules(doc, views, ctx, rules));
}
