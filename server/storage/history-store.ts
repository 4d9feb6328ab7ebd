import { randomBytes } from 'node:crypto';
import type { PutOp } from './group-commit.ts';
import { prefixEnd, type KvStore } from './kv-store.ts';

/*
 * Per-cell history, recorded by the server as changes arrive:
 *   v1!doc!<id>!h!<target>!<at:013d>!<seq:06d><writer>     JSON HistoryEntry
 * where <target> is c!<project>!<indicator>!<field> (an indicator cell), p!<project>!<field>
 * (a header field) or s!<section> (a narrative section of 第一部分). <writer> is random per
 * process, so two instances recording the same cell in the same millisecond never share a key.
 *   v1!doc!<id>!h!last                                      JSON LastChange: the newest entry's time and author
 * (rewritten with every batch, so the overview finds who changed a document last with one read).
 *   v1!doc!<id>!h!mark                                      decimal: the log sequence number (DocStore) up to which every
 * update's history is written (LevelDB only; rewritten with the batch that covers more). After a
 * crash, the updates logged beyond it are recorded from the log (server/history/history-recovery.ts).
 */

/** When a document's content was last changed, and by whom. */
export interface LastChange {
  at: string;
  user: { sub: string; name: string };
}

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

const lastKey = (docId: string) => `v1!doc!${docId}!h!last`;
const markKey = (docId: string) => `v1!doc!${docId}!h!mark`;

/** One document's part of a history batch: its entries, and the log position they bring its history up to (if marks are kept). */
export type HistoryBatch = readonly [docId: string, items: ReadonlyArray<{ target: HistoryTarget; entry: HistoryEntry; key?: string }>, mark?: number];
const encoder = new TextEncoder();
const encode = (value: unknown) => encoder.encode(JSON.stringify(value));

/** Append-only store of history entries in the shared key-value store. */
export class HistoryStore {
  private readonly db: KvStore;
  private readonly writeOps: (ops: PutOp[]) => Promise<void>;
  private readonly writer = randomBytes(3).toString('hex');
  private seq = 0;

  /** `writeOps` writes a batch of entries (default: its own LevelDB batch; the server's rides with the update log, DocStore.putWithNextCommit). */
  constructor(db: KvStore, writeOps?: (ops: PutOp[]) => Promise<void>) {
    this.db = db;
    this.writeOps = writeOps ?? ((ops) => db.batch(ops));
  }

  /** Writes entries in one batch; an entry with a known key (a coalesced one) is rewritten in place. */
  put(docId: string, items: ReadonlyArray<{ target: HistoryTarget; entry: HistoryEntry; key?: string }>): Promise<void> {
    return this.putMany([[docId, items]]);
  }

  /**
   * {@link put} for several documents in one batch, each with the log position its history now
   * reaches, if given; `at` is when the batch's changes were made, as the overview shows it.
   */
  async putMany(batches: readonly HistoryBatch[], at = new Date()): Promise<void> {
    const now = at.toISOString();
    await this.writeOps(
      batches.flatMap(([docId, items, mark]) => {
        const ops: PutOp[] = items.map((i) => ({ type: 'put' as const, key: i.key ?? this.newKey(docId, i.target, i.entry.at), value: encode(i.entry) }));
        // A coalesced text entry keeps the time typing began: the batch is written within moments of the change.
        const last = items.findLast((i) => !i.entry.overwritten);
        if (last) ops.push({ type: 'put', key: lastKey(docId), value: encode({ at: now, user: last.entry.user } satisfies LastChange) });
        if (mark !== undefined) ops.push({ type: 'put', key: markKey(docId), value: encoder.encode(String(mark)) });
        return ops;
      }),
    );
  }

  /**
   * The last recorded change of a document's content, or null if none was recorded. History
   * written before the `last` key existed is scanned once (keys only) and the key written then.
   */
  async lastChange(docId: string): Promise<LastChange | null> {
    const raw = await this.db.get(lastKey(docId));
    if (raw !== undefined) return JSON.parse(new TextDecoder().decode(raw)) as LastChange;
    const prefix = `v1!doc!${docId}!h!`;
    let newest: { key: string; at: string } | null = null;
    for await (const key of this.db.keys({ gt: prefix, lt: prefixEnd(prefix) })) {
      const at = key.split('!').at(-2) ?? '';
      // Entries only: not the mark.
      if (!/^\d{13}$/.test(at)) continue;
      if (!newest || at > newest.at) newest = { key, at };
    }
    const value = newest && (await this.db.get(newest.key));
    if (!value) return null;
    const entry = JSON.parse(new TextDecoder().decode(value)) as HistoryEntry;
    const last: LastChange = { at: new Date(Number(newest?.at)).toISOString(), user: entry.user };
    await this.db.put(lastKey(docId), encode(last));
    return last;
  }

  /** The log position a document's history is written up to (see the key layout), or undefined if none was recorded. */
  async mark(docId: string): Promise<number | undefined> {
    const raw = await this.db.get(markKey(docId));
    return raw === undefined ? undefined : Number(new TextDecoder().decode(raw));
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
