import { BASE_62_DIGITS, generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/*
 * Order keys place projects and indicator rows: a row's position is its key, so moving a row
 * rewrites one key instead of deleting and re-inserting it (its id, comments and history stay).
 * Keys compare as plain strings; equal keys (two people inserting at the same spot at once)
 * are ordered by id (sortedEntries in ydoc-layout.ts), so every peer sorts the same way.
 */

/** `n` increasing keys for a fresh list (e.g. loading canonical JSON). */
export function initialOrderKeys(n: number): string[] {
  return generateNKeysBetween(null, null, n);
}

/**
 * A key that sorts strictly after `before` and before `after` (either may be null for an end).
 * A short random suffix makes two peers inserting at the same place at once land on different
 * keys, so later inserts between them still have room.
 */
export function orderKeyBetween(before: string | null, after: string | null): string {
  const key = generateKeyBetween(before, after);
  const jittered = key + jitterSuffix();
  return after === null || jittered < after ? jittered : key;
}

/**
 * The key for a new entry placed at `index` of a list whose keys, in sorted order, are `sortedKeys`
 * (index 0 = first, `sortedKeys.length` = last). Equal neighbours left by concurrent inserts are
 * skipped so the new key lands between two distinct keys.
 */
export function orderKeyAt(sortedKeys: readonly string[], index: number): string {
  const before = index > 0 ? (sortedKeys[index - 1] ?? null) : null;
  let after: string | null = null;
  for (let i = index; i < sortedKeys.length; i++) {
    const k = sortedKeys[i] ?? null;
    if (k !== null && (before === null || k > before)) {
      after = k;
      break;
    }
  }
  return orderKeyBetween(before, after);
}

function jitterSuffix(): string {
  const bytes = new Uint8Array(2);
  crypto.getRandomValues(bytes);
  const first = BASE_62_DIGITS[(bytes[0] ?? 0) % 62] ?? 'V';
  // A fraction may not end in the zero digit, or the library rejects the key later.
  const last = BASE_62_DIGITS[1 + ((bytes[1] ?? 0) % 61)] ?? 'V';
  return first + last;
}
