import { makeDirectionRule } from './direction-rule.ts';

/**
 * R-VAL-DIRECTION-COST: a money cost target with ≥ or > (costs are caps). Non-money cost values
 * (`预算资金完成率 ≥95%`) are R-COST-MONEY's, so one cell gets one warning.
 */
export const rValDirectionCost = makeDirectionRule(
  'R-VAL-DIRECTION-COST',
  'warning',
  { zh: '成本指标应为上限控制（≤或=），不应使用“{op}”。', en: 'Cost targets are caps (≤ or =), not “{op}”.' },
  ['≥', '>'],
  (row) => row.isCost && row.parsed.kind === 'quantitative' && row.parsed.unitKind === 'money',
);
