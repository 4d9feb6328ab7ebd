import { cellPlace } from '../project-view.ts';
import type { Rule } from '../rule.ts';

/** R-SAT-OP: a satisfaction target written with `>`; the fix writes `≥` instead. */
export const rSatOp: Rule = {
  id: 'R-SAT-OP',
  severity: 'info',
  scope: 'row',
  message: { zh: '满意度建议使用“≥”。', en: 'Use “≥” for satisfaction targets.' },
  checkProject(view, _ctx, report) {
    for (const row of view.rows) {
      const p = row.parsed;
      if (!row.isSatisfaction || p.kind !== 'quantitative' || p.op !== '>') continue;
      const value = row.indicator.value.replace(/[>＞]/, '≥');
      report({
        place: cellPlace(view, row, 'value'),
        fix: { zh: '将“>”改为“≥”', en: 'Replace “>” with “≥”', ops: [{ op: 'setIndicatorField', project: view.project.id, indicator: row.indicator.id, field: 'value', value }] },
      });
    }
  },
};
