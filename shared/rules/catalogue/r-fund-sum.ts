import { formatAmount } from '../format-message.ts';
import type { Rule } from '../rule.ts';

/** R-FUND-SUM: |财政资金 + 其他资金 − 预算数| ≤ tolerance, a blank 其他资金 counting as 0; skipped while 预算数 or 财政资金 is blank. */
export const rFundSum: Rule = {
  id: 'R-FUND-SUM',
  severity: 'error',
  scope: 'project',
  message: { zh: '财政资金{f}+其他资金{o}≠预算数{b}。', en: 'Fiscal {f} + other {o} ≠ budget {b}.' },
  checkProject(view, ctx, report) {
    const { total, fiscal, other } = view.project.budget;
    if (total === null || fiscal === null) return;
    const o = other ?? 0;
    if (Math.abs(fiscal + o - total) <= ctx.settings.moneyTolerance + 1e-9) return;
    report({ place: { project: view.project.id, field: 'budget.total' }, params: { f: formatAmount(fiscal), o: formatAmount(o), b: formatAmount(total) } });
  },
};
