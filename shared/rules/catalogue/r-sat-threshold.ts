import { cellPlace } from '../project-view.ts';
import type { Rule } from '../rule.ts';
import { isWellFormedSatisfaction } from './satisfaction-target.ts';

/**
 * R-SAT-THRESHOLD: a well-formed satisfaction target below `satisfactionMin` (default 85 %).
 * Severity configurable; targets below the floor are R-SAT-FORMAT errors instead.
 */
export const rSatThreshold: Rule = {
  id: 'R-SAT-THRESHOLD',
  severity: 'warning',
  scope: 'row',
  message: { zh: '满意度目标{v}偏低（一般不低于{min}%）。', en: 'Satisfaction target {v} is low (usually ≥{min}%).' },
  checkProject(view, ctx, report) {
    const min = ctx.settings.satisfactionMin;
    for (const row of view.rows) {
      const p = row.parsed;
      if (!row.isSatisfaction || p.kind !== 'quantitative' || !isWellFormedSatisfaction(row, ctx.settings) || p.number >= min) continue;
      report({ place: cellPlace(view, row, 'value'), params: { v: p.text, min } });
    }
  },
};
