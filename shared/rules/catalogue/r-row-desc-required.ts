import { cellPlace } from '../project-view.ts';
import type { Rule } from '../rule.ts';

/** R-ROW-DESC-REQUIRED: every row has a 绩效指标描述. */
export const rRowDescRequired: Rule = {
  id: 'R-ROW-DESC-REQUIRED',
  severity: 'warning',
  scope: 'row',
  message: { zh: '绩效指标描述不能为空。', en: 'Indicator description required.' },
  checkProject(view, _ctx, report) {
    for (const row of view.rows) if (row.description === '') report({ place: cellPlace(view, row, 'description') });
  },
};
