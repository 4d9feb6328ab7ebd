import type { Indicator } from '../../shared/model/budget-text-schema.ts';
import { libraryKey } from '../../shared/library/index.ts';

const FIELDS = ['level1', 'level2', 'name', 'description', 'value', 'basis'] as const;

/** The rows sharing one library key: how many, and how often each text of each field was written. */
export interface RowTally {
  uses: number;
  texts: Record<(typeof FIELDS)[number], Map<string, number>>;
}

const emptyTally = (): RowTally => ({ uses: 0, texts: { level1: new Map(), level2: new Map(), name: new Map(), description: new Map(), value: new Map(), basis: new Map() } });

function add(counts: Map<string, number>, text: string, n: number): void {
  counts.set(text, (counts.get(text) ?? 0) + n);
}

/** The indicator rows of one document by library key; rows without 三级指标 and 描述 are left out. */
export function tallyRows(rows: Iterable<Omit<Indicator, 'id'>>): Map<string, RowTally> {
  const out = new Map<string, RowTally>();
  for (const row of rows) {
    if (!row.name.trim() && !row.description.trim()) continue;
    const key = libraryKey(row);
    let tally = out.get(key);
    if (!tally) out.set(key, (tally = emptyTally()));
    tally.uses++;
    for (const f of FIELDS) add(tally.texts[f], row[f].trim(), 1);
  }
  return out;
}

/** Adds the tallies of `from` (one document's) into `into` (all documents within reach). */
export function mergeTallies(into: Map<string, RowTally>, from: ReadonlyMap<string, RowTally>): void {
  for (const [key, tally] of from) {
    let target = into.get(key);
    if (!target) into.set(key, (target = emptyTally()));
    target.uses += tally.uses;
    for (const f of FIELDS) for (const [text, n] of tally.texts[f]) add(target.texts[f], text, n);
  }
}

/** The text written most often (a non-blank one when there is any; ties: the first seen). */
export function typical(counts: ReadonlyMap<string, number>): string {
  let best = '';
  let most = 0;
  for (const [text, n] of counts) if (text !== '' && n > most) [best, most] = [text, n];
  return best;
}

/** Whether two tallies hold the same rows (same keys, uses and counts of every text). */
export function sameTallies(a: ReadonlyMap<string, RowTally>, b: ReadonlyMap<string, RowTally>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, x] of a) {
    const y = b.get(key);
    if (!y || x.uses !== y.uses) return false;
    for (const f of FIELDS) {
      if (x.texts[f].size !== y.texts[f].size) return false;
      for (const [text, n] of x.texts[f]) if (y.texts[f].get(text) !== n) return false;
    }
  }
  return true;
}
