import type { RowView } from '../project-view.ts';
import type { Rule, RuleMessage } from '../rule.ts';
import type { Severity } from '../finding.ts';

/** Builds an R-IND-* rule that requires at least one row matching `present` in a project that has rows. */
export function makePresenceRule(id: string, severity: Severity, message: RuleMessage, present: (row: RowView) => boolean): Rule {
  return {
    id,
    severity,
    scope: 'project',
    message,
    checkProject(view, _ctx, report) {
      if (view.rows.length > 0 && !view.rows.some(present)) report({ place: { project: view.project.id } });
    },
  };
}
