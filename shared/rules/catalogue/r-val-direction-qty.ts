import { makeDirectionRule } from './direction-rule.ts';

/** R-VAL-DIRECTION-QTY: a 数量指标 capped with ≤ or < (outputs are 正向). */
export const rValDirectionQty = makeDirectionRule(
  'R-VAL-DIRECTION-QTY',
  'warning',
  { zh: '数量指标“{name}”使用了“{op}”，一般应为“≥”或“=”。', en: 'Quantity indicator “{name}” uses “{op}”; expected ≥ or =.' },
  ['≤', '<'],
  (row) => row.isQuantity,
);
