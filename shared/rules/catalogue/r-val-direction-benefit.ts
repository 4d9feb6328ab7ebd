import { makeDirectionRule } from './direction-rule.ts';

const DECREASE_WORDS = /降低|减少|下降|损失|事故|投诉|发生/;

/** R-VAL-DIRECTION-BENEFIT: a 效益 row with an upper bound, unless its name is about reducing something. */
export const rValDirectionBenefit = makeDirectionRule(
  'R-VAL-DIRECTION-BENEFIT',
  'info',
  { zh: '效益指标“{name}”使用了上限“{op}”，请确认方向。', en: 'Benefit “{name}” uses an upper bound “{op}”; check direction.' },
  ['≤', '<'],
  (row) => row.isBenefit && !DECREASE_WORDS.test(row.name),
);
