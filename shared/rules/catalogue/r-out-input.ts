import { ECONOMIC_BENEFIT } from '../indicator-hierarchy.ts';
import { excerpt } from '../format-message.ts';
import { cellPlace } from '../project-view.ts';
import type { Rule } from '../rule.ts';

const FUNDS_NAME = /资金|经费|金额/;

/**
 * R-OUT-INPUT: money (万元/元, or a bare number on a 资金/经费/金额 name) in a row other than 成本
 * or 经济效益 — a funding input, not an output or benefit.
 */
export const rOutInput: Rule = {
  id: 'R-OUT-INPUT',
  severity: 'warning',
  scope: 'row',
  message: { zh: '“{v}”是资金投入，不能作为{erji}。', en: '“{v}” is a funding input, not a valid {erji} indicator.' },
  checkProject(view, _ctx, report) {
    for (const row of view.rows) {
      const p = row.parsed;
      if (row.isCost || row.level2 === ECONOMIC_BENEFIT || p.kind !== 'quantitative') continue;
      if (p.unitKind === 'money' || (p.unit === '' && FUNDS_NAME.test(row.name))) {
        report({ place: cellPlace(view, row, 'value'), params: { v: excerpt(row.indicator.value), erji: row.level2 || row.level1 } });
      }
    }
  },
};
