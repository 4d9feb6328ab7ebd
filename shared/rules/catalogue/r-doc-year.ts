import type { Rule } from '../rule.ts';

/**
 * R-DOC-YEAR: the stated budget year (`year`, else `YYYY年` in the title) must equal the year most
 * 项目编码 encode. No stated year at all is an info.
 */
export const rDocYear: Rule = {
  id: 'R-DOC-YEAR',
  severity: 'warning',
  scope: 'document',
  message: { zh: '文本年度（{stated}）与项目编码年度（{coded}）不一致。', en: 'Stated budget year ({stated}) differs from the year encoded in project codes ({coded}).' },
  checkDocument(_doc, _views, ctx, report) {
    if (ctx.statedYear === null) {
      report({
        place: { field: 'title' },
        params: { coded: ctx.codedYear ?? { zh: '无', en: 'none' } },
        variant: { severity: 'info', zh: '文本未注明预算年度（项目编码年度：{coded}）。', en: 'The document states no budget year (year in project codes: {coded}).' },
      });
    } else if (ctx.codedYear !== null && ctx.codedYear !== ctx.statedYear) {
      report({ place: { field: 'title' }, params: { stated: ctx.statedYear, coded: ctx.codedYear } });
    }
  },
};
