/**
 * A partial pairing of two lists: `toFrom[t]` is the `from` index paired with `to` index `t`,
 * and `fromTaken[f]` says whether `from` index `f` is paired.
 */
export interface Matches {
  toFrom: Array<number | undefined>;
  fromTaken: boolean[];
}

/** A pairing of nothing yet. */
export function emptyMatches(fromCount: number, toCount: number): Matches {
  return { toFrom: new Array<number | undefined>(toCount).fill(undefined), fromTaken: new Array<boolean>(fromCount).fill(false) };
}

/**
 * Pairs entries not yet paired whose keys are equal, in list order (the first `from` entry with
 * a key goes to the first `to` entry with it, so duplicated keys pair up in order). A null key
 * never pairs. Adds to `matches` in place.
 */
export function matchByKey(fromKeys: ReadonlyArray<string | null>, toKeys: ReadonlyArray<string | null>, matches: Matches): void {
  const waiting = new Map<string, number[]>();
  fromKeys.forEach((key, f) => {
    if (key === null || matches.fromTaken[f]) return;
    const list = waiting.get(key);
    if (list) list.push(f);
    else waiting.set(key, [f]);
  });
  toKeys.forEach((key, t) => {
    if (key === null || matches.toFrom[t] !== undefined) return;
    const f = waiting.get(key)?.shift();
    if (f === undefined) return;
    matches.toFrom[t] = f;
    matches.fromTaken[f] = true;
  });
}

/**
 * The form of a code or name used as a matching key: NFKC (full-width digits and letters become
 * ASCII, as Word and PDF exports mix both) without any whitespace; null when nothing is left.
 */
export function normalizeKey(text: string): string | null {
  const key = text.normalize('NFKC').replace(/\s+/g, '');
  return key === '' ? null : key;
}
