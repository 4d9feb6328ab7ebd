import type { BudgetOp } from '../../model/budget-op.ts';
import { COST, OUTPUT } from '../indicator-hierarchy.ts';
import { cellPlace } from '../project-view.ts';
import type { Rule } from '../rule.ts';

/** R-ROW-ERJI-SCHEMA: only under mof-2021-4 — a 产出/成本指标 row should become 一级 成本指标 / 二级 经济成本指标 (offered as a fix). */
export const rRowErjiSchema: Rule = {
  id: 'R-ROW-ERJI-SCHEMA',
  severity: 'info',
  scope: 'row',
  message: { zh: '按财预〔2021〕101号，成本指标应作为一级指标。', en: 'Under 财预〔2021〕101号 cost is a level-1 category.' },
  checkProject(view, ctx, report) {
    if (ctx.settings.hierarchy !== 'mof-2021-4') return;
    const project = view.project.id;
    for (const row of view.rows) {
      if (row.level1 !== OUTPUT || row.level2 !== COST) continue;
      const indicator = row.indicator.id;
      // Rows below that inherit 产出指标 from this merged cell must keep it once this row changes.
      const keep: BudgetOp[] = [];
      for (const next of view.rows.slice(row.index + 1)) {
        if (next.indicator.level1.trim() !== '') break;
        keep.push({ op: 'setIndicatorField', project, indicator: next.indicator.id, field: 'level1', value: OUTPUT });
      }
      report({
        place: cellPlace(view, row, 'level2'),
        fix: {
          zh: '改为一级“成本指标”、二级“经济成本指标”',
          en: 'Move to level-1 成本指标 / level-2 经济成本指标',
          ops: [
            { op: 'setIndicatorField', project, indicator, field: 'level1', value: COST },
            { op: 'setIndicatorField', project, indicator, field: 'level2', value: '经济成本指标' },
            ...keep,
          ],
        },
      });
    }
  },
};
