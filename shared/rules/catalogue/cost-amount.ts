import type { RowView } from '../project-view.ts';
import { toWanYuanFactor } from '../unit-vocabulary.ts';

/**
 * The cap a cost row sets, in 万元, when it is a plain money amount with `=`, `≤`, `<` or no
 * comparator; null for rates, prose, per-unit costs (`元/人`) and lower bounds.
 */
export function costCapInWan(row: RowView): number | null {
  const p = row.parsed;
  if (!row.isCost || p.kind !== 'quantitative' || p.perUnit !== null) return null;
  if (p.op === '≥' || p.op === '>') return null;
  const factor = toWanYuanFactor(p.unit);
  return factor === undefined ? null : p.number * factor;
}
