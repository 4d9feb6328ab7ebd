import { excerpt } from '../format-message.ts';
import { cellPlace, type RowView } from '../project-view.ts';
import type { Rule } from '../rule.ts';
import { unitKindOf } from '../unit-vocabulary.ts';

const COUNT_NAME = /人数|个数|次数|天数|户数/;
const RATIO_WORD = /率|比|占/;
const UNIT_IN_NAME = /[（(]([^（）()]+)[)）]$/;

/* The first inconsistency between a row's name and its value's unit, or null. */
function mismatch(row: RowView): boolean {
  const p = row.parsed;
  const isRate = row.name.endsWith('率');
  if (p.kind === 'date') return isRate;
  if (p.kind !== 'quantitative' || p.unit === '') return false;
  if (isRate && p.unitKind !== 'percent') return true;
  if (COUNT_NAME.test(row.name) && !RATIO_WORD.test(row.name) && p.unitKind === 'percent') return true;
  const named = UNIT_IN_NAME.exec(row.name)?.[1];
  return named !== undefined && unitKindOf(named) !== undefined && named !== p.unit;
}

/**
 * R-VAL-UNIT-MISMATCH: a …率 name needs %, a 人数/个数/次数/天数 name (not a ratio) must not use %,
 * a unit in the name's brackets must equal the value's unit, and a …率 name must not carry a date.
 */
export const rValUnitMismatch: Rule = {
  id: 'R-VAL-UNIT-MISMATCH',
  severity: 'warning',
  scope: 'cell',
  message: { zh: '指标“{name}”与指标值单位“{v}”不匹配。', en: 'Unit of “{v}” does not fit indicator “{name}”.' },
  checkProject(view, _ctx, report) {
    for (const row of view.rows) {
      if (mismatch(row)) report({ place: cellPlace(view, row, 'value'), params: { name: row.name, v: excerpt(row.indicator.value) } });
    }
  },
};
