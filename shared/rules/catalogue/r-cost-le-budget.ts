import { excerpt, formatAmount } from '../format-message.ts';
import { cellPlace } from '../project-view.ts';
import type { Rule } from '../rule.ts';
import { costCapInWan } from './cost-amount.ts';

/** R-COST-LE-BUDGET: a cost cap (元 ÷ 10000) may not exceed the project's 预算数 (plus tolerance). */
export const rCostLeBudget: Rule = {
  id: 'R-COST-LE-BUDGET',
  severity: 'error',
  scope: 'row',
  message: { zh: '成本指标{v}超过项目预算数{b}万元。', en: 'Cost target {v} exceeds the project budget of {b} 万元.' },
  checkProject(view, ctx, report) {
    const total = view.project.budget.total;
    if (total === null) return;
    for (const row of view.rows) {
      const cap = costCapInWan(row);
      if (cap !== null && cap > total + ctx.settings.moneyTolerance) {
        report({ place: cellPlace(view, row, 'value'), params: { v: excerpt(row.indicator.value), b: formatAmount(total) } });
      }
    }
  },
};
