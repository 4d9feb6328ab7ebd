import type { Rule } from '../rule.ts';
import { makePresenceRule } from './presence-rule.ts';

/**
 * R-IND-COST: at least one cost row (产出/成本指标, or 一级 成本指标). A warning under legacy-3 and an
 * error under mof-2021-4, unless `severityOverrides['R-IND-COST']` says otherwise.
 */
export const rIndCost: Rule = {
  ...makePresenceRule('R-IND-COST', 'warning', { zh: '未设置成本指标。', en: 'No cost indicator.' }, (row) => row.isCost),
  severityFor: (settings) => (settings.hierarchy === 'mof-2021-4' ? 'error' : 'warning'),
};
