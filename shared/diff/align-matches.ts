import { longestIncreasingSubsequence } from '../util/longest-increasing-subsequence.ts';

/** One entry of an aligned list: a matched pair, an entry only in `to`, or one only in `from`. */
export type AlignedEntry<T> =
  | { kind: 'matched'; fromIndex: number; toIndex: number; before: T; after: T; moved: boolean }
  | { kind: 'added'; toIndex: number; after: T }
  | { kind: 'removed'; fromIndex: number; before: T };

/**
 * Lays out a matching for display. `toFrom[t]` is the index in `from` paired with `to[t]`
 * (undefined: added). The result follows `to` order; each unmatched `from` entry comes right
 * after the nearest matched entry that preceded it in `from` (first if none did). A matched
 * entry is `moved` when it lies outside one longest run kept in the same relative order, so a
 * single moved entry marks only itself.
 */
export function alignMatches<T>(from: readonly T[], to: readonly T[], toFrom: ReadonlyArray<number | undefined>): AlignedEntry<T>[] {
  const matchedFrom = new Array<boolean>(from.length).fill(false);
  const order: number[] = [];
  for (const f of toFrom) {
    if (f === undefined) continue;
    matchedFrom[f] = true;
    order.push(f);
  }
  const kept = longestIncreasingSubsequence(order);

  // removed entries keyed by the `from` index of their anchor; -1 = before every matched entry
  const removedAfter = new Map<number, number[]>();
  let anchor = -1;
  for (let f = 0; f < from.length; f++) {
    if (matchedFrom[f]) anchor = f;
    else {
      const list = removedAfter.get(anchor);
      if (list) list.push(f);
      else removedAfter.set(anchor, [f]);
    }
  }

  // indices come from the lists themselves, so every lookup below is in range
  const aligned: AlignedEntry<T>[] = [];
  const pushRemoved = (key: number) => {
    for (const f of removedAfter.get(key) ?? []) aligned.push({ kind: 'removed', fromIndex: f, before: from[f] as T });
  };
  pushRemoved(-1);
  let k = 0;
  to.forEach((after, t) => {
    const f = toFrom[t];
    if (f === undefined) {
      aligned.push({ kind: 'added', toIndex: t, after });
      return;
    }
    aligned.push({ kind: 'matched', fromIndex: f, toIndex: t, before: from[f] as T, after, moved: !kept[k++] });
    pushRemoved(f);
  });
  return aligned;
}
