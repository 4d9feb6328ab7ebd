import { excerpt } from '../format-message.ts';
import { cellPlace } from '../project-view.ts';
import type { Rule } from '../rule.ts';

/**
 * R-COST-MONEY: a cost row's 指标值 must be a money amount (万元/元, optionally per unit such as 元/人).
 * Rates (`预算资金完成率 ≥95%`) and prose are not cost targets. Blank and malformed values are left
 * to R-ROW-VALUE-REQUIRED / R-VAL-FORMAT; the direction to R-VAL-DIRECTION-COST.
 */
export const rCostMoney: Rule = {
  id: 'R-COST-MONEY',
  severity: 'warning',
  scope: 'row',
  message: { zh: '成本指标应填写成本金额（万元/元），“{v}”不是成本指标。', en: 'Cost indicator must be a money amount; “{v}” is not.' },
  checkProject(view, _ctx, report) {
    for (const row of view.rows) {
      const p = row.parsed;
      if (!row.isCost || p.kind === 'empty' || p.kind === 'malformed') continue;
      if (p.kind === 'quantitative' && p.unitKind === 'money') continue;
      report({ place: cellPlace(view, row, 'value'), params: { v: excerpt(row.indicator.value) } });
    }
  },
};
