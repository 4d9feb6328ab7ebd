import { parseIndicatorValue } from '../parse-indicator-value.ts';
import { cellPlace } from '../project-view.ts';
import type { Rule } from '../rule.ts';

const NUMBERED_LINE = /^(?:\d+[.、．:：)）](?!\d)|指标\d*[:：])/;
const INLINE_NUMBERED = /(?:^|[\s；;。，,])1[.、．:：](?!\d)[\s\S]*(?:[\s；;。，,])2[.、．:：](?!\d)|指标\s*1\s*[:：][\s\S]*指标\s*2\s*[:：]/;

/* Several lines each of which reads as a target, or explicit numbering 1. … 2. / 指标1：… 指标2：. */
function holdsSeveralIndicators(value: string): boolean {
  if (INLINE_NUMBERED.test(value)) return true;
  const lines = value.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  if (lines.length < 2) return false;
  let targets = 0;
  for (const line of lines) {
    const kind = parseIndicatorValue(line).kind;
    if (NUMBERED_LINE.test(line) || kind === 'quantitative' || kind === 'date') targets++;
  }
  return targets >= 2;
}

/** R-ROW-MULTI: one 指标值 cell holds several indicators; wrapped single values do not count. */
export const rRowMulti: Rule = {
  id: 'R-ROW-MULTI',
  severity: 'warning',
  scope: 'row',
  message: { zh: '一个单元格包含多个指标，请拆分为多行。', en: 'Several indicators in one cell; split into rows.' },
  checkProject(view, _ctx, report) {
    for (const row of view.rows) {
      const v = row.indicator.value;
      if ((v.includes('\n') || v.includes('1')) && holdsSeveralIndicators(v)) report({ place: cellPlace(view, row, 'value') });
    }
  },
};
