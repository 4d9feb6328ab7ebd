import { makePresenceRule } from './presence-rule.ts';

/** R-IND-OUT-QTY: at least one row with 二级 数量指标. */
export const rIndOutQty = makePresenceRule(
  'R-IND-OUT-QTY',
  'error',
  { zh: '产出指标缺少数量指标。', en: 'Output indicators lack a 数量指标 (quantity).' },
  (row) => row.isQuantity,
);
