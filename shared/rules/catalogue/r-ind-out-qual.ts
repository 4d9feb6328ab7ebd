import { QUALITY } from '../indicator-hierarchy.ts';
import { makePresenceRule } from './presence-rule.ts';

/** R-IND-OUT-QUAL: at least one row with 二级 质量指标. */
export const rIndOutQual = makePresenceRule(
  'R-IND-OUT-QUAL',
  'error',
  { zh: '产出指标缺少质量指标。', en: 'Output indicators lack a 质量指标 (quality).' },
  (row) => row.level2 === QUALITY,
);
