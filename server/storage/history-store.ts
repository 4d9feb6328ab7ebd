import { randomBytes } from 'node:crypto';
import { prefixEnd, type KvStore } from './kv-store.ts';

/*
 * Per-cell history, recorded by the server as changes arrive:
 *   v1!doc!<id>!h!<target>!<at:013d>!<seq:06d><writer>     JSON HistoryEntry
 * where <target> is c!<project>!<indicator>!<field> (an indicator cell), p!<project>!<field>
 * (a header field) or s!<section> (a narrative section of 第一部分). <writer> is random per
 * process, so two instances recording the same cell in the same millisecond never share a key.
 */

/** One value a cell had: who set it, when, and what it replaced. */
export interface HistoryEntry {
  at: string;
  user: { sub: string; name: string };
  before: string | number | null;
  after: string | number | null;
  /** True for a value that a concurrent edit overwrote as it arrived (it never showed). */
  overwritten?: boolean;
  /** The reviewer whose suggestion `user` accepted to make this change. */
  suggestedBy?: { sub: string; name: string };
}

/** Where a history entry belongs. */
export type HistoryTarget =
  | { project: string; indicator: string; field: string }
  | { project: string; field: string }
  | { section: string };

/** The key segment of a target; ids and field names never contain '!'. */
function targetKey(t: HistoryTarget): string {
  if ('section' in t) return `s!${t.section}`;
  if ('indicator' in t) return `c!${t.project}!${t.indicator}!${t.field}`;
  return `p!${t.project}!${t.field}`;
}

/** Append-only store of history entries in the shared key-value store. */
export class HistoryStore {
  private readonly db: KvStore;
  private readonly writer = randomBytes(3).toString('hex');
  private seq = 0;

  constructor(db: KvStore) {
    this.db = db;
  }

  /** Writes entries in one batch; an entry with a known key (a coalesced one) is rewritten in place. */
  put(docId: string, items: ReadonlyArray<{ target: HistoryTarget; entry: HistoryEntry; key?: string }>): Promise<void> {
    return this.putMany([[docId, items]]);
  }

  /** {@link put} for several documents (`[docId, items]` pairs) in one batch. */
  async putMany(batches: ReadonlyArray<readonly [string, ReadonlyArray<{ target: HistoryTarget; entry: HistoryEntry; key?: string }>]>): Promise<void> {
    const encoder = new TextEncoder();
    await this.db.batch(
      batches.flatMap(([docId, items]) => items.map((i) => ({ type: 'put' as const, key: i.key ?? this.newKey(docId, i.target, i.entry.at), value: encoder.encode(JSON.stringify(i.entry)) }))),
    );
  }

  /** Every entry of a target, oldest first. */
  async list(docId: string, target: HistoryTarget): Promise<HistoryEntry[]> {
    const prefix = `v1!doc!${docId}!h!${targetKey(target)}!`;
    const out: HistoryEntry[] = [];
    for await (const value of this.db.values({ gt: prefix, lt: prefixEnd(prefix) })) out.push(JSON.parse(new TextDecoder().decode(value)) as HistoryEntry);
    return out;
  }

  /** A fresh key for an entry of `target` at time `at`; keys of one target sort by time. */
  newKey(docId: string, target: HistoryTarget, at: string): string {
    this.seq = (this.seq + 1) % 1_000_000;
    return `v1!doc!${docId}!h!${targetKey(target)}!${String(Date.parse(at)).padStart(13, '0')}!${String(this.seq).padStart(6, '0')}${this.writer}`;
  }
}
