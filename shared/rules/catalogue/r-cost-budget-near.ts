import { excerpt, formatAmount } from '../format-message.ts';
import { cellPlace } from '../project-view.ts';
import type { Rule } from '../rule.ts';
import { costCapInWan } from './cost-amount.ts';

/** R-COST-BUDGET-NEAR: a cost cap below 预算数 by less than `costNearRatio` of it (but not equal) — a probable typo. */
export const rCostBudgetNear: Rule = {
  id: 'R-COST-BUDGET-NEAR',
  severity: 'info',
  scope: 'row',
  message: { zh: '成本指标{v}与预算数{b}万元不一致，请核对。', en: 'Cost {v} differs slightly from budget {b}; check.' },
  checkProject(view, ctx, report) {
    const total = view.project.budget.total;
    if (total === null || total <= 0) return;
    const { moneyTolerance, costNearRatio } = ctx.settings;
    for (const row of view.rows) {
      const cap = costCapInWan(row);
      if (cap === null) continue;
      const gap = total - cap;
      if (gap > moneyTolerance && gap <= total * costNearRatio) report({ place: cellPlace(view, row, 'value'), params: { v: excerpt(row.indicator.value), b: formatAmount(total) } });
    }
  },
};
