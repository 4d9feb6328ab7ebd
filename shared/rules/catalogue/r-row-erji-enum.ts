import { BLANK } from '../format-message.ts';
import { LEVEL1_NAMES, isAllowedLevel2 } from '../indicator-hierarchy.ts';
import { cellPlace } from '../project-view.ts';
import type { Rule } from '../rule.ts';

/**
 * R-ROW-ERJI-ENUM: the 二级 belongs to its 一级 in either hierarchy (union of legacy-3 and mof-2021-4).
 * Rows with an invalid 一级 are left to R-ROW-YIJI-ENUM.
 */
export const rRowErjiEnum: Rule = {
  id: 'R-ROW-ERJI-ENUM',
  severity: 'error',
  scope: 'row',
  message: { zh: '二级指标“{v}”不属于一级指标“{p}”。', en: 'Level-2 “{v}” is not valid under level-1 “{p}”.' },
  checkProject(view, _ctx, report) {
    for (const row of view.rows) {
      if (!LEVEL1_NAMES.has(row.level1) || isAllowedLevel2(row.level1, row.level2)) continue;
      report({ place: cellPlace(view, row, 'level2'), params: { v: row.level2 === '' ? BLANK : row.level2, p: row.level1 } });
    }
  },
};
