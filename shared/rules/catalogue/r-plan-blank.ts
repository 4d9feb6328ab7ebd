import { CHECKPOINT_LABELS, PLAN_CHECKPOINTS, filledCheckpoints } from '../spending-plan.ts';
import type { Rule } from '../rule.ts';

/** R-PLAN-BLANK: every checkpoint holds a value; one finding per blank checkpoint of a partly filled plan. */
export const rPlanBlank: Rule = {
  id: 'R-PLAN-BLANK',
  severity: 'error',
  scope: 'project',
  message: { zh: '资金支出计划“{ck}”未填写。', en: 'Spending plan checkpoint “{ck}” is blank.' },
  checkProject(view, _ctx, report) {
    const plan = view.project.spendingPlan;
    if (filledCheckpoints(plan).length === 0) return;
    for (const ck of PLAN_CHECKPOINTS) {
      if (plan[ck] === null) report({ place: { project: view.project.id, field: `spendingPlan.${ck}` }, params: { ck: CHECKPOINT_LABELS[ck] } });
    }
  },
};
