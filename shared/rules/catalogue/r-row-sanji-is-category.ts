import { CATEGORY_NAMES } from '../indicator-hierarchy.ts';
import { cellPlace } from '../project-view.ts';
import type { Rule } from '../rule.ts';

/** R-ROW-SANJI-IS-CATEGORY: the 三级指标 is a 一级/二级 category name (e.g. 经济效益指标, 服务对象满意度指标). */
export const rRowSanjiIsCategory: Rule = {
  id: 'R-ROW-SANJI-IS-CATEGORY',
  severity: 'warning',
  scope: 'row',
  message: { zh: '三级指标“{v}”只是类别名称，请填写具体指标。', en: 'Level-3 “{v}” is just a category name; name a concrete indicator.' },
  checkProject(view, _ctx, report) {
    for (const row of view.rows) if (CATEGORY_NAMES.has(row.name)) report({ place: cellPlace(view, row, 'name'), params: { v: row.name } });
  },
};
