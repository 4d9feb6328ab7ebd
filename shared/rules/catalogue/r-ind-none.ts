import type { Rule } from '../rule.ts';

/**
 * R-IND-NONE: a project has at least one indicator row. While it has none, the other R-IND-*
 * presence rules stay silent so the user sees one message, not eight.
 */
export const rIndNone: Rule = {
  id: 'R-IND-NONE',
  severity: 'error',
  scope: 'project',
  message: { zh: '未设置绩效指标。', en: 'No performance indicators.' },
  checkProject(view, _ctx, report) {
    if (view.rows.length === 0) report({ place: { project: view.project.id } });
  },
};
