import type { Rule } from '../rule.ts';

/** R-FUND-OTHER-BLANK: a blank 其他资金 is read as 0.00; the fix stores 0 explicitly. */
export const rFundOtherBlank: Rule = {
  id: 'R-FUND-OTHER-BLANK',
  severity: 'info',
  scope: 'project',
  message: { zh: '其他资金为空，按0.00处理。', en: 'Other funds blank; treated as 0.00.' },
  checkProject(view, _ctx, report) {
    const project = view.project.id;
    if (view.project.budget.other !== null) return;
    report({
      place: { project, field: 'budget.other' },
      fix: { zh: '填写0.00', en: 'Enter 0.00', ops: [{ op: 'setBudget', project, field: 'other', value: 0 }] },
    });
  },
};
