import { requiredLevel1 } from '../indicator-hierarchy.ts';
import type { Rule } from '../rule.ts';

/** R-IND-YIJI-REQUIRED: every 一级 of the document's hierarchy is used (mof-2021-4 adds 成本指标); one finding per missing 一级. */
export const rIndYijiRequired: Rule = {
  id: 'R-IND-YIJI-REQUIRED',
  severity: 'error',
  scope: 'project',
  message: { zh: '缺少一级指标“{yiji}”。', en: 'Missing level-1 indicator “{yiji}”.' },
  checkProject(view, ctx, report) {
    if (view.rows.length === 0) return;
    const present = new Set(view.rows.map((r) => r.level1));
    for (const yiji of requiredLevel1(ctx.settings.hierarchy)) {
      if (!present.has(yiji)) report({ place: { project: view.project.id }, params: { yiji } });
    }
  },
};
