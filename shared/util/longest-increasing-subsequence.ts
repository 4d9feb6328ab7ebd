/**
 * Marks one longest strictly increasing subsequence of `values`: `result[i]` is true when
 * `values[i]` belongs to it. O(n log n). Used to find the fewest rows that must have moved.
 */
export function longestIncreasingSubsequence(values: readonly number[]): boolean[] {
  // tails[k] = index of the smallest tail of an increasing run of length k + 1
  const tails: number[] = [];
  const previous = new Array<number>(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? 0;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((values[tails[mid] ?? 0] ?? 0) < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1] ?? -1;
    tails[lo] = i;
  }
  const inSequence = new Array<boolean>(values.length).fill(false);
  for (let i = tails[tails.length - 1] ?? -1; i >= 0; i = previous[i] ?? -1) inSequence[i] = true;
  return inSequence;
}
