import { excerpt } from '../format-message.ts';
import { cellPlace } from '../project-view.ts';
import type { Rule } from '../rule.ts';
import { isWellFormedSatisfaction } from './satisfaction-target.ts';

/** R-SAT-FORMAT: a satisfaction target is a percentage with ≥, > or =, between `satisfactionFloor` (80) and 100. */
export const rSatFormat: Rule = {
  id: 'R-SAT-FORMAT',
  severity: 'error',
  scope: 'row',
  message: { zh: '满意度指标值应为百分比（如≥90%），当前为“{v}”。', en: 'Satisfaction target must be a percentage such as ≥90%; got “{v}”.' },
  checkProject(view, ctx, report) {
    for (const row of view.rows) {
      if (!row.isSatisfaction || row.parsed.kind === 'empty' || isWellFormedSatisfaction(row, ctx.settings)) continue;
      report({ place: cellPlace(view, row, 'value'), params: { v: excerpt(row.indicator.value) } });
    }
  },
};
