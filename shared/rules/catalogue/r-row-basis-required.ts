import { cellPlace } from '../project-view.ts';
import type { Rule } from '../rule.ts';

/** R-ROW-BASIS-REQUIRED: every row has a 指标值确定依据. */
export const rRowBasisRequired: Rule = {
  id: 'R-ROW-BASIS-REQUIRED',
  severity: 'warning',
  scope: 'row',
  message: { zh: '指标值确定依据未填写。', en: 'Basis for the target value missing.' },
  checkProject(view, _ctx, report) {
    for (const row of view.rows) if (row.basis === '') report({ place: cellPlace(view, row, 'basis') });
  },
};
