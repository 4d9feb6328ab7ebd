import type { IndicatorField } from '../../model/budget-text-schema.ts';
import { excerpt } from '../format-message.ts';
import { cellPlace } from '../project-view.ts';
import type { Rule } from '../rule.ts';

/* `**`, `XX`, `××`, and a bracketed list of ≥3 unit alternatives such as `(台/件/辆/套)` — `(次/日)` is a rate unit. */
const PLACEHOLDER = /\*\*|[Xx]{2,}|×{2,}|[（(](?:[\u4e00-\u9fff]{1,4}\/){2,}[\u4e00-\u9fff]{1,4}[)）]/;
const FIELDS: readonly IndicatorField[] = ['name', 'description', 'value'];

/** R-TXT-PLACEHOLDER: template placeholders in a row's 三级指标, 绩效指标描述 or 指标值. */
export const rTxtPlaceholder: Rule = {
  id: 'R-TXT-PLACEHOLDER',
  severity: 'error',
  scope: 'cell',
  message: { zh: '“{v}”含未替换的模板占位符。', en: '“{v}” contains an unreplaced template placeholder.' },
  checkProject(view, _ctx, report) {
    for (const row of view.rows) {
      for (const field of FIELDS) {
        const text = row.indicator[field];
        if (PLACEHOLDER.test(text)) report({ place: cellPlace(view, row, field), params: { v: excerpt(text) } });
      }
    }
  },
};
