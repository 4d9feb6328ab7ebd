import { excerpt } from '../format-message.ts';
import { cellPlace } from '../project-view.ts';
import type { Rule } from '../rule.ts';

/** R-ROW-VALUE-ECHO: the 指标值 (without 文字描述) equals the 三级指标 or the 描述, so no target is set. */
export const rRowValueEcho: Rule = {
  id: 'R-ROW-VALUE-ECHO',
  severity: 'warning',
  scope: 'row',
  message: { zh: '指标值“{v}”仅重复指标名称，未设定目标值。', en: 'Target “{v}” just repeats the indicator name.' },
  checkProject(view, _ctx, report) {
    for (const row of view.rows) {
      const value = row.value.replace(/^文字描述/, '');
      if (value !== '' && (value === row.name || value === row.description)) report({ place: cellPlace(view, row, 'value'), params: { v: excerpt(row.indicator.value) } });
    }
  },
};
