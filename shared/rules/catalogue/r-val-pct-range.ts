import { excerpt } from '../format-message.ts';
import { cellPlace } from '../project-view.ts';
import type { Rule } from '../rule.ts';

/** R-VAL-PCT-RANGE: a `≥`, `=` or `≤` percentage target lies within [0, 100]. */
export const rValPctRange: Rule = {
  id: 'R-VAL-PCT-RANGE',
  severity: 'error',
  scope: 'cell',
  message: { zh: '百分比“{v}”超出0-100%。', en: 'Percentage “{v}” outside 0–100%.' },
  checkProject(view, _ctx, report) {
    for (const row of view.rows) {
      const p = row.parsed;
      if (p.kind !== 'quantitative' || p.unit !== '%' || p.op === '>' || p.op === '<') continue;
      if (p.number > 100) report({ place: cellPlace(view, row, 'value'), params: { v: excerpt(row.indicator.value) } });
    }
  },
};
