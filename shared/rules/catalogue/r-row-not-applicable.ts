import { cellPlace } from '../project-view.ts';
import type { Rule } from '../rule.ts';

/** R-ROW-NOT-APPLICABLE: a row whose 三级 or 指标值 is 不涉及 should be deleted (no BudgetOp deletes rows, so no fix). */
export const rRowNotApplicable: Rule = {
  id: 'R-ROW-NOT-APPLICABLE',
  severity: 'info',
  scope: 'row',
  message: { zh: '“不涉及”的指标行建议删除。', en: 'Rows marked 不涉及 should be removed.' },
  checkProject(view, _ctx, report) {
    for (const row of view.rows) {
      if (row.name === '不涉及' || row.value === '不涉及') report({ place: cellPlace(view, row, row.name === '不涉及' ? 'name' : 'value') });
    }
  },
};
