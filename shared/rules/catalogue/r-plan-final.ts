import { formatPlanValue } from '../spending-plan.ts';
import type { Rule } from '../rule.ts';

/** R-PLAN-FINAL: 12月底 is 100 % (percent plans) or 预算数 (amount plans), within the money tolerance. */
export const rPlanFinal: Rule = {
  id: 'R-PLAN-FINAL',
  severity: 'error',
  scope: 'project',
  message: { zh: '12月底累计支出应为100%（当前{v}）。', en: 'Cumulative spending at 12月底 must be 100% (is {v}).' },
  checkProject(view, ctx, report) {
    const { spendingPlan: plan, budget } = view.project;
    const dec = plan.dec;
    if (dec === null) return;
    const target = plan.unit === 'percent' ? 100 : budget.total;
    if (target === null || Math.abs(dec - target) <= ctx.settings.moneyTolerance + 1e-9) return;
    report({ place: { project: view.project.id, field: 'spendingPlan.dec' }, params: { v: formatPlanValue(plan, dec) } });
  },
};
