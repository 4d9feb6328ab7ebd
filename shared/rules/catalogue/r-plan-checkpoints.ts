import { CHECKPOINT_LABELS, PLAN_CHECKPOINTS, filledCheckpoints } from '../spending-plan.ts';
import type { Rule } from '../rule.ts';

/**
 * R-PLAN-CHECKPOINTS, adapted: the JSON always has the four checkpoint slots, so a missing
 * 资金支出计划 shows as all four blank. That is reported once here (R-PLAN-BLANK then stays silent).
 */
export const rPlanCheckpoints: Rule = {
  id: 'R-PLAN-CHECKPOINTS',
  severity: 'error',
  scope: 'project',
  message: { zh: '资金支出计划缺少“{ck}”节点。', en: 'Spending plan is missing checkpoint “{ck}”.' },
  checkProject(view, _ctx, report) {
    if (filledCheckpoints(view.project.spendingPlan).length > 0) return;
    report({ place: { project: view.project.id, field: 'spendingPlan' }, params: { ck: PLAN_CHECKPOINTS.map((c) => CHECKPOINT_LABELS[c]).join('、') } });
  },
};
