import type { Rule } from '../rule.ts';

/** R-FUND-POSITIVE: a filled 预算数 must be > 0 (a blank one is R-FUND-FORMAT's). */
export const rFundPositive: Rule = {
  id: 'R-FUND-POSITIVE',
  severity: 'error',
  scope: 'project',
  message: { zh: '预算数必须大于0。', en: 'Budget must be > 0.' },
  checkProject(view, _ctx, report) {
    const total = view.project.budget.total;
    if (total !== null && total <= 0) report({ place: { project: view.project.id, field: 'budget.total' } });
  },
};
