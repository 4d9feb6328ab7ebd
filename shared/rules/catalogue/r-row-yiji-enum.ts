import { BLANK } from '../format-message.ts';
import { LEVEL1_NAMES } from '../indicator-hierarchy.ts';
import { cellPlace } from '../project-view.ts';
import type { Rule } from '../rule.ts';

/** R-ROW-YIJI-ENUM: the effective 一级 (a blank cell inherits from above) is 产出/成本/效益/满意度指标. */
export const rRowYijiEnum: Rule = {
  id: 'R-ROW-YIJI-ENUM',
  severity: 'error',
  scope: 'row',
  message: { zh: '一级指标“{v}”不在规定范围内。', en: 'Level-1 “{v}” not allowed.' },
  checkProject(view, _ctx, report) {
    for (const row of view.rows) {
      if (!LEVEL1_NAMES.has(row.level1)) report({ place: cellPlace(view, row, 'level1'), params: { v: row.level1 === '' ? BLANK : row.level1 } });
    }
  },
};
