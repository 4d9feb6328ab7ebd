import { makePresenceRule } from './presence-rule.ts';

/** R-IND-OUT-TIME: at least one row with 二级 时效指标; a warning by default, configurable per jurisdiction. */
export const rIndOutTime = makePresenceRule(
  'R-IND-OUT-TIME',
  'warning',
  { zh: '产出指标缺少时效指标。', en: 'Output indicators lack a 时效指标 (timeliness).' },
  (row) => row.isTimeliness,
);
