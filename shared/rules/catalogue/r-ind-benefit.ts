import { isBenefitLevel2 } from '../indicator-hierarchy.ts';
import { makePresenceRule } from './presence-rule.ts';

/** R-IND-BENEFIT: at least one row under 效益指标 with a 效益 二级 (经济/社会/生态效益, 可持续影响). */
export const rIndBenefit = makePresenceRule(
  'R-IND-BENEFIT',
  'error',
  { zh: '效益指标至少设置一项。', en: 'At least one benefit indicator required.' },
  (row) => row.isBenefit && isBenefitLevel2(row.level2),
);
