import { excerpt } from '../format-message.ts';
import { cellPlace, type RowView } from '../project-view.ts';
import type { Rule } from '../rule.ts';

function isTimelinessTarget(row: RowView): boolean {
  const p = row.parsed;
  if (p.kind === 'date') return true;
  if (p.kind !== 'quantitative') return false;
  if (p.unitKind === 'time') return true;
  return p.unitKind === 'percent' && (row.name.endsWith('率') || row.name.includes('及时'));
}

/**
 * R-TIME-FORMAT: a 时效指标 value is a deadline, a duration (天/日/工作日/月/年/小时/分钟), or a %
 * only when the 三级 is a timeliness rate (…率, 及时性). Blank and malformed values are reported elsewhere.
 */
export const rTimeFormat: Rule = {
  id: 'R-TIME-FORMAT',
  severity: 'warning',
  scope: 'row',
  message: { zh: '时效指标值“{v}”应为完成时限（日期）或及时率。', en: 'Timeliness target “{v}” should be a deadline or a timeliness rate.' },
  checkProject(view, _ctx, report) {
    for (const row of view.rows) {
      const kind = row.parsed.kind;
      if (!row.isTimeliness || kind === 'empty' || kind === 'malformed' || isTimelinessTarget(row)) continue;
      report({ place: cellPlace(view, row, 'value'), params: { v: excerpt(row.indicator.value) } });
    }
  },
};
