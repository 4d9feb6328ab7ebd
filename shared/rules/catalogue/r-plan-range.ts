import { formatPlanValue, PLAN_CHECKPOINTS } from '../spending-plan.ts';
import type { Rule } from '../rule.ts';

/** R-PLAN-RANGE: each percentage of a percent plan lies in [0, 100]; amount plans are R-PLAN-UNIT's concern. */
export const rPlanRange: Rule = {
  id: 'R-PLAN-RANGE',
  severity: 'error',
  scope: 'project',
  message: { zh: '资金支出比例{v}超出0-100%。', en: 'Spending percentage {v} outside 0–100%.' },
  checkProject(view, _ctx, report) {
    const plan = view.project.spendingPlan;
    if (plan.unit !== 'percent') return;
    for (const ck of PLAN_CHECKPOINTS) {
      const v = plan[ck];
      if (v !== null && (v < 0 || v > 100)) report({ place: { project: view.project.id, field: `spendingPlan.${ck}` }, params: { v: formatPlanValue(plan, v) } });
    }
  },
};
