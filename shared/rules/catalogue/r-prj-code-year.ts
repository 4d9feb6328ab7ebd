import type { Rule } from '../rule.ts';

/**
 * R-PRJ-CODE-YEAR: the year in a valid 项目编码 may not be later than the stated budget year;
 * an earlier year (a carried-over project) is an info.
 */
export const rPrjCodeYear: Rule = {
  id: 'R-PRJ-CODE-YEAR',
  severity: 'warning',
  scope: 'project',
  message: { zh: '项目编码年度{coded}晚于文本年度{stated}。', en: 'Code year {coded} is later than budget year {stated}.' },
  checkProject(view, ctx, report) {
    const stated = ctx.statedYear;
    const coded = view.codeYear;
    if (stated === null || coded === null || coded === stated) return;
    const place = { project: view.project.id, field: 'code' };
    if (coded > stated) report({ place, params: { coded, stated } });
    else {
      report({
        place,
        params: { coded, stated },
        variant: { severity: 'info', zh: '以前年度（{coded}）项目，请确认绩效目标为本年度目标。', en: 'Project created in {coded}: confirm targets are for this year.' },
      });
    }
  },
};
