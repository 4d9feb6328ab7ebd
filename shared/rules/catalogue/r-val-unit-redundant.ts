import { excerpt } from '../format-message.ts';
import { cellPlace } from '../project-view.ts';
import type { Rule } from '../rule.ts';

const SPELLED = /[%％][ \t\u3000]*百分比|百分比/g;

/** R-VAL-UNIT-REDUNDANT: a percentage written `百分比` or `%百分比`; the fix writes `%`. */
export const rValUnitRedundant: Rule = {
  id: 'R-VAL-UNIT-REDUNDANT',
  severity: 'info',
  scope: 'cell',
  message: { zh: '计量单位重复/不规范（“{v}”），统一为“%”。', en: 'Redundant unit in “{v}”; use “%”.' },
  checkProject(view, _ctx, report) {
    for (const row of view.rows) {
      const raw = row.indicator.value;
      if (row.parsed.kind !== 'quantitative' || !raw.includes('百分比')) continue;
      report({
        place: cellPlace(view, row, 'value'),
        params: { v: excerpt(raw) },
        fix: { zh: '改为“%”', en: 'Write “%”', ops: [{ op: 'setIndicatorField', project: view.project.id, indicator: row.indicator.id, field: 'value', value: raw.replace(SPELLED, '%') }] },
      });
    }
  },
};
