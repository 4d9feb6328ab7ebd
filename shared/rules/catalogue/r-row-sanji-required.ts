import { cellPlace } from '../project-view.ts';
import type { Rule } from '../rule.ts';

/** R-ROW-SANJI-REQUIRED: every row names its 三级指标. */
export const rRowSanjiRequired: Rule = {
  id: 'R-ROW-SANJI-REQUIRED',
  severity: 'error',
  scope: 'row',
  message: { zh: '三级指标不能为空。', en: 'Level-3 indicator name required.' },
  checkProject(view, _ctx, report) {
    for (const row of view.rows) if (row.name === '') report({ place: cellPlace(view, row, 'name') });
  },
};
