import { generateNKeysBetween } from 'fractional-indexing';
import type * as Y from 'yjs';
import { longestIncreasingSubsequence } from '../util/longest-increasing-subsequence.ts';
import { sortedEntries } from './ydoc-layout.ts';

/**
 * Rewrites order keys so the entries of `map` sort as `targetIds` (ids not in the map are
 * ignored), touching as few entries as possible: the longest run already in the right relative
 * order keeps its keys, only the others move. Call inside a transaction.
 */
export function reorderEntries(map: Y.Map<Y.Map<unknown>>, targetIds: readonly string[]): void {
  const current = sortedEntries(map);
  const position = new Map(current.map((e, i) => [e.id, i]));
  const ids = targetIds.filter((id) => position.has(id));
  const keep = longestIncreasingSubsequence(ids.map((id) => position.get(id) ?? 0));
  const keyOf = new Map(current.map((e) => [e.id, e.order]));
  let i = 0;
  let lastKept: string | null = null;
  while (i < ids.length) {
    if (keep[i]) {
      lastKept = keyOf.get(ids[i] as string) ?? null;
      i++;
      continue;
    }
    let j = i;
    // Extend the run past kept entries whose key does not exceed the last kept one (equal keys
    // left by concurrent inserts): nothing fits between them, so they get new keys too.
    while (j < ids.length && (!keep[j] || (lastKept !== null && (keyOf.get(ids[j] as string) ?? '') <= lastKept))) j++;
    const upper = j < ids.length ? (keyOf.get(ids[j] as string) ?? null) : null;
    const keys = generateNKeysBetween(lastKept, upper, j - i);
    for (let k = i; k < j; k++) {
      const key = keys[k - i] as string;
      map.get(ids[k] as string)?.set('order', key);
      keyOf.set(ids[k] as string, key);
    }
    lastKept = keys[keys.length - 1] ?? lastKept;
    i = j;
  }
}
