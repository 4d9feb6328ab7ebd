import type { Indicator } from '../model/budget-text-schema.ts';
import type { DiffMatching, IndicatorDiff } from './budget-diff.ts';
import { alignMatches } from './align-matches.ts';
import { diffIndicatorCells } from './diff-fields.ts';
import { matchIndicators } from './match-indicators.ts';

/**
 * Every row of one project in two versions, in `to` order with removed rows where they stood.
 * Matched rows are `changed` when a cell differs or they moved, `unchanged` otherwise.
 */
export function diffIndicators(from: readonly Indicator[], to: readonly Indicator[], matching: DiffMatching): IndicatorDiff[] {
  const { toFrom } = matchIndicators(from, to, matching);
  return alignMatches(from, to, toFrom).map((entry): IndicatorDiff => {
    switch (entry.kind) {
      case 'added':
        return { status: 'added', toId: entry.after.id, toIndex: entry.toIndex, moved: false, cells: [], row: entry.after };
      case 'removed':
        return { status: 'removed', fromId: entry.before.id, fromIndex: entry.fromIndex, moved: false, cells: [], row: entry.before };
      case 'matched': {
        const { before, after, moved } = entry;
        const cells = diffIndicatorCells(before, after);
        const status = cells.length > 0 || moved ? 'changed' : 'unchanged';
        return { status, fromId: before.id, toId: after.id, fromIndex: entry.fromIndex, toIndex: entry.toIndex, moved, cells, row: after };
      }
    }
  });
}

/** The rows of a project that exists in one version only: all `added` or all `removed`. */
export function listOneSidedIndicators(rows: readonly Indicator[], status: 'added' | 'removed'): IndicatorDiff[] {
  return rows.map((row, i) =>
    status === 'added'
      ? { status, toId: row.id, toIndex: i, moved: false, cells: [], row }
      : { status, fromId: row.id, fromIndex: i, moved: false, cells: [], row },
  );
}
