import { excerpt } from '../format-message.ts';
import { cellPlace } from '../project-view.ts';
import type { Rule } from '../rule.ts';
import { isBasisEcho } from './basis-echo.ts';

/** R-ROW-BASIS-ECHO: the 依据 repeats the row (三级, 描述 or 指标值) or is 不涉及/文字描述. */
export const rRowBasisEcho: Rule = {
  id: 'R-ROW-BASIS-ECHO',
  severity: 'warning',
  scope: 'row',
  message: {
    zh: '指标值确定依据“{v}”仅重复指标内容，请填写计划标准、行业标准、历史标准等依据。',
    en: 'Basis “{v}” repeats the indicator; cite a plan/industry/historical/budget standard.',
  },
  checkProject(view, _ctx, report) {
    for (const row of view.rows) if (isBasisEcho(row)) report({ place: cellPlace(view, row, 'basis'), params: { v: excerpt(row.indicator.basis) } });
  },
};
