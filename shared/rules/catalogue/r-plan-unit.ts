import type { Rule } from '../rule.ts';
import { amountPlanToPercent, filledCheckpoints } from '../spending-plan.ts';

/**
 * R-PLAN-UNIT: the header says （%）, but the plan holds 万元 amounts (`unit: 'amount'`). The fix
 * converts to cumulative percentages of 预算数 (2 dp). When 预算数 is 100 both readings give the
 * same numbers, so it is only an info.
 */
export const rPlanUnit: Rule = {
  id: 'R-PLAN-UNIT',
  severity: 'warning',
  scope: 'project',
  message: { zh: '资金支出计划应填写累计支出百分比，当前填写的是金额（万元）。', en: 'Spending plan should be cumulative percentages; amounts in 万元 were entered.' },
  checkProject(view, ctx, report) {
    const { id: project, spendingPlan: plan, budget } = view.project;
    if (plan.unit !== 'amount' || filledCheckpoints(plan).length === 0) return;
    const total = budget.total;
    const fix =
      total !== null && total > 0
        ? { zh: '按预算数换算为累计百分比', en: 'Convert to cumulative % of the budget', ops: [{ op: 'setSpendingPlan' as const, project, plan: amountPlanToPercent(plan, total) }] }
        : undefined;
    const ambiguous = total !== null && Math.abs(total - 100) <= ctx.settings.moneyTolerance;
    report({
      place: { project, field: 'spendingPlan' },
      ...(fix ? { fix } : {}),
      ...(ambiguous
        ? { variant: { severity: 'info' as const, zh: '预算数为100万元，资金支出计划按金额或百分比理解结果相同，请确认并标为百分比。', en: 'The budget is 100 万元, so amounts and percentages coincide; confirm and mark the plan as percentages.' } }
        : {}),
    });
  },
};
