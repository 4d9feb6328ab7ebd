import { QUALITY } from '../indicator-hierarchy.ts';
import { cellPlace } from '../project-view.ts';
import type { Rule } from '../rule.ts';

/** R-ROW-ERJI-SEMANTIC (heuristic): a …率 name under 数量指标, or 及时/拨付 under 质量指标. */
export const rRowErjiSemantic: Rule = {
  id: 'R-ROW-ERJI-SEMANTIC',
  severity: 'info',
  scope: 'row',
  message: { zh: '指标“{v}”与二级指标类别不符，请核对。', en: 'Indicator “{v}” does not fit its level-2 category.' },
  checkProject(view, _ctx, report) {
    for (const row of view.rows) {
      const misfit = (row.isQuantity && row.name.endsWith('率')) || (row.level2 === QUALITY && /及时|拨付/.test(row.name));
      if (misfit) report({ place: cellPlace(view, row, 'name'), params: { v: row.name } });
    }
  },
};
