import { excerpt } from '../format-message.ts';
import { canonicalizeSymbols } from '../normalize-value-text.ts';
import { cellPlace } from '../project-view.ts';
import type { Rule } from '../rule.ts';

/* Spellings the normalisation accepts but a clean table should not keep. */
const NON_CANONICAL = /[＞＜＝％０-９≧≦]|>=|<=/;

/**
 * R-VAL-FORMAT: the 指标值 must be quantitative, a date or qualitative text (parseIndicatorValue).
 * A value that parses only thanks to normalisation (`>=90%`, `＞９０％`) is an info with a fix that
 * writes the canonical symbols (≥ for >=, ≤ for <=, half-width digits and %).
 */
export const rValFormat: Rule = {
  id: 'R-VAL-FORMAT',
  severity: 'error',
  scope: 'cell',
  message: { zh: '指标值“{v}”格式错误，无法识别。', en: 'Target value “{v}” is malformed.' },
  checkProject(view, _ctx, report) {
    for (const row of view.rows) {
      const raw = row.indicator.value;
      const place = cellPlace(view, row, 'value');
      if (row.parsed.kind === 'malformed') {
        report({ place, params: { v: excerpt(raw) } });
      } else if (NON_CANONICAL.test(raw)) {
        const value = canonicalizeSymbols(raw);
        report({
          place,
          params: { v: excerpt(raw), fix: excerpt(value) },
          variant: { severity: 'info', zh: '指标值“{v}”的符号写法不规范，建议写作“{fix}”。', en: 'Target “{v}” uses non-standard symbols; write “{fix}”.' },
          fix: { zh: '规范符号写法（≥、≤、半角数字）', en: 'Use standard symbols (≥, ≤, half-width digits)', ops: [{ op: 'setIndicatorField', project: view.project.id, indicator: row.indicator.id, field: 'value', value }] },
        });
      }
    }
  },
};
