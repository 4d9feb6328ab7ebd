import { cellPlace } from '../project-view.ts';
import type { Rule } from '../rule.ts';

/** R-ROW-DUP: two rows of a project with the same (三级指标, 绩效指标描述, 指标值) after whitespace removal; reported on the later row. */
export const rRowDup: Rule = {
  id: 'R-ROW-DUP',
  severity: 'warning',
  scope: 'project',
  message: { zh: '第{r}行与第{r0}行指标重复。', en: 'Row {r} duplicates row {r0}.' },
  checkProject(view, _ctx, report) {
    const first = new Map<string, number>();
    for (const row of view.rows) {
      if (row.name === '' && row.description === '' && row.value === '') continue;
      const key = `${row.name}\u0001${row.description}\u0001${row.value}`;
      const r0 = first.get(key);
      if (r0 === undefined) first.set(key, row.index);
      else report({ place: cellPlace(view, row, 'name'), params: { r: row.index + 1, r0: r0 + 1 } });
    }
  },
};
