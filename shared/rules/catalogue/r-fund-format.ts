import type { BudgetField } from '../../model/budget-op.ts';
import { BLANK } from '../format-message.ts';
import type { Rule } from '../rule.ts';
import { BUDGET_LABELS } from './budget-labels.ts';

/* Float noise of amounts like 0.1 + 0.2; a real third decimal is ≥ 0.001. */
const EPSILON = 1e-6;

function hasAtMostTwoDecimals(v: number): boolean {
  return Math.abs(v * 100 - Math.round(v * 100)) < EPSILON * Math.max(1, Math.abs(v));
}

/**
 * R-FUND-FORMAT: 预算数 and 财政资金 are amounts ≥ 0 with at most two decimals (万元); blank is invalid.
 * 其他资金 may be blank (R-FUND-OTHER-BLANK) but, when filled, follows the same format.
 */
export const rFundFormat: Rule = {
  id: 'R-FUND-FORMAT',
  severity: 'error',
  scope: 'project',
  message: { zh: '{field}“{value}”不是有效金额（万元，最多两位小数）。', en: '{field} “{value}” is not a valid amount (万元, ≤2 decimals).' },
  checkProject(view, _ctx, report) {
    const { id, budget } = view.project;
    for (const field of ['total', 'fiscal', 'other'] as const satisfies readonly BudgetField[]) {
      const v = budget[field];
      if (v === null ? field === 'other' : v >= 0 && hasAtMostTwoDecimals(v)) continue;
      report({ place: { project: id, field: `budget.${field}` }, params: { field: BUDGET_LABELS[field], value: v === null ? BLANK : String(v) } });
    }
  },
};
