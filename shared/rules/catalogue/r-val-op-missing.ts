import { excerpt } from '../format-message.ts';
import { cellPlace } from '../project-view.ts';
import type { Rule } from '../rule.ts';

/** R-VAL-OP-MISSING: a quantitative 指标值 without comparator is read as `=`; the fix writes the `=`. */
export const rValOpMissing: Rule = {
  id: 'R-VAL-OP-MISSING',
  severity: 'info',
  scope: 'cell',
  message: { zh: '指标值“{v}”未注明比较符号（≥、≤、=等），按“=”处理。', en: 'Target “{v}” lacks a comparator; “=” assumed.' },
  checkProject(view, _ctx, report) {
    for (const row of view.rows) {
      if (row.parsed.kind !== 'quantitative' || row.parsed.opExplicit) continue;
      const raw = row.indicator.value;
      report({
        place: cellPlace(view, row, 'value'),
        params: { v: excerpt(raw) },
        fix: { zh: '写明“=”', en: 'Write the “=”', ops: [{ op: 'setIndicatorField', project: view.project.id, indicator: row.indicator.id, field: 'value', value: `= ${raw.trim()}` }] },
      });
    }
  },
};
