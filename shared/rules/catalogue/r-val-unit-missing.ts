import { excerpt } from '../format-message.ts';
import { cellPlace } from '../project-view.ts';
import type { Rule } from '../rule.ts';

/** R-VAL-UNIT-MISSING: a quantitative 指标值 without a unit (`≥ 25`). */
export const rValUnitMissing: Rule = {
  id: 'R-VAL-UNIT-MISSING',
  severity: 'warning',
  scope: 'cell',
  message: { zh: '指标值“{v}”缺少计量单位。', en: 'Target “{v}” has no unit.' },
  checkProject(view, _ctx, report) {
    for (const row of view.rows) {
      if (row.parsed.kind === 'quantitative' && row.parsed.unit === '') report({ place: cellPlace(view, row, 'value'), params: { v: excerpt(row.indicator.value) } });
    }
  },
};
