import { makeDirectionRule } from './direction-rule.ts';

/** R-VAL-DIRECTION-LEADTIME: a lead time (name contains 提前) with ≤ or <. */
export const rValDirectionLeadtime = makeDirectionRule(
  'R-VAL-DIRECTION-LEADTIME',
  'info',
  { zh: '“{name}”为提前量，通常应为“≥”。', en: '“{name}” is a lead time; usually “≥”.' },
  ['≤', '<'],
  (row) => row.name.includes('提前'),
);
