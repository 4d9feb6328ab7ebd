import type { Rule } from '../rule.ts';
import { amountPlanToPercent, filledCheckpoints } from '../spending-plan.ts';

/**
 * R-PLAN-AMBIGUOUS, adapted: the JSON has no raw plan cells to misalign, so what remains ambiguous
 * is a plan marked as percentages whose largest value equals 预算数 (≠ 100) — most likely 万元
 * amounts typed into the % row. The fix reads them as amounts and converts (the user confirms by clicking).
 */
export const rPlanAmbiguous: Rule = {
  id: 'R-PLAN-AMBIGUOUS',
  severity: 'warning',
  scope: 'project',
  message: { zh: '资金支出计划数值与节点无法对应，请人工确认。', en: 'Spending-plan values do not line up with checkpoints; please confirm.' },
  checkProject(view, ctx, report) {
    const { id: project, spendingPlan: plan, budget } = view.project;
    const total = budget.total;
    if (plan.unit !== 'percent' || total === null || total <= 0 || Math.abs(total - 100) <= 0.01) return;
    const filled = filledCheckpoints(plan);
    if (filled.length === 0) return;
    const max = Math.max(...filled.map((f) => f.value));
    if (Math.abs(max - 100) <= ctx.settings.moneyTolerance || Math.abs(max - total) > 0.01) return;
    report({
      place: { project, field: 'spendingPlan' },
      fix: { zh: '按金额（万元）换算为累计百分比', en: 'Read as 万元 amounts and convert to %', ops: [{ op: 'setSpendingPlan', project, plan: amountPlanToPercent(plan, total) }] },
    });
  },
};
