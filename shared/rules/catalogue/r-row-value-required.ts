import { cellPlace } from '../project-view.ts';
import type { Rule } from '../rule.ts';

/** R-ROW-VALUE-REQUIRED: every row has a 指标值 that is more than the type word 文字描述. */
export const rRowValueRequired: Rule = {
  id: 'R-ROW-VALUE-REQUIRED',
  severity: 'error',
  scope: 'row',
  message: { zh: '指标值未填写。', en: 'Target value missing.' },
  checkProject(view, _ctx, report) {
    for (const row of view.rows) if (row.parsed.kind === 'empty') report({ place: cellPlace(view, row, 'value') });
  },
};
