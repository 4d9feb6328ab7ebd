import { CHECKPOINT_LABELS, filledCheckpoints, formatPlanValue } from '../spending-plan.ts';
import type { Rule } from '../rule.ts';

/** R-PLAN-MONOTONIC: filled checkpoints are cumulative, so never decrease; one finding per decreasing neighbour pair. */
export const rPlanMonotonic: Rule = {
  id: 'R-PLAN-MONOTONIC',
  severity: 'error',
  scope: 'project',
  message: { zh: '资金支出计划应为累计数，{a}（{va}）大于{b}（{vb}）。', en: 'Spending plan must be cumulative: {a} ({va}) > {b} ({vb}).' },
  checkProject(view, _ctx, report) {
    const plan = view.project.spendingPlan;
    const filled = filledCheckpoints(plan);
    for (let i = 1; i < filled.length; i++) {
      const prev = filled[i - 1];
      const cur = filled[i];
      if (!prev || !cur || prev.value <= cur.value) continue;
      report({
        place: { project: view.project.id, field: `spendingPlan.${cur.checkpoint}` },
        params: { a: CHECKPOINT_LABELS[prev.checkpoint], va: formatPlanValue(plan, prev.value), b: CHECKPOINT_LABELS[cur.checkpoint], vb: formatPlanValue(plan, cur.value) },
      });
    }
  },
};
