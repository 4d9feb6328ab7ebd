import { cellPlace } from '../project-view.ts';
import type { Rule } from '../rule.ts';

const YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/g;

/**
 * R-TIME-YEAR: every year in a 时效 value equals the budget year. For a project whose code year is
 * earlier (carried over / multi-year), later years are accepted too.
 */
export const rTimeYear: Rule = {
  id: 'R-TIME-YEAR',
  severity: 'warning',
  scope: 'row',
  message: { zh: '时效指标中的年份{y}与预算年度{Y}不符。', en: 'Year {y} in timeliness target differs from budget year {Y}.' },
  checkProject(view, ctx, report) {
    const budgetYear = ctx.budgetYear;
    if (budgetYear === null) return;
    const multiYear = view.codeYear !== null && view.codeYear < budgetYear;
    for (const row of view.rows) {
      if (!row.isTimeliness) continue;
      const bad = row.value.match(YEAR)?.map(Number).find((y) => (multiYear ? y < budgetYear : y !== budgetYear));
      if (bad !== undefined) report({ place: cellPlace(view, row, 'value'), params: { y: bad, Y: budgetYear } });
    }
  },
};
