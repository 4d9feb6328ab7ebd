import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { JixiaoError } from '../../shared/errors.ts';
import { applyStoredUpdates } from './apply-stored-updates.ts';
import { GroupCommit, type PutOp } from './group-commit.ts';
import { prefixEnd, type KvStore } from './kv-store.ts';
import { KeyedQueue } from '../keyed-queue.ts';

/*
 * Key layout (all keys start with the layout version, so it can change later):
 *   v1!doc!<id>!meta                   JSON DocMeta
 *   v1!doc!<id>!base                   Yjs update (V1) of every update folded so far
 *   v1!doc!<id>!u!<seq:016x>!<writer>[!<at>!<sub>[!<by>]]  one Yjs update as received, appended before it is acknowledged
 * <writer> is random per process, so instances sharing a PostgreSQL database never write the same
 * key; keys without it were written before there could be several. On LevelDB a key also names
 * when the update arrived (<at>, ms since 1970, base 36) and whose it is (<sub>: the verified
 * author; <by>: the reviewer whose accepted suggestion it applies), so history a crash kept from
 * being written can be rebuilt from the log (server/history/history-recovery.ts). Subs never
 * contain '!'. An update without them (a migration on load) is no one's change. A load reads the base and every
 * log key still present; a compaction deletes exactly the keys it folded (never a range), so an
 * update another instance commits meanwhile is never dropped.
 * Ids are validated (EntityIdSchema) before they reach a key, so '!' never appears inside one.
 */

/** What the store knows about a document without loading it. */
export interface DocMeta {
  id: string;
  title: string;
  year: number | null;
  department: { code: string; name: string; region: string | null };
  createdAt: string;
  /** ISO time of the last stored change. */
  updatedAt: string;
  /** Sequence number of the last update this store folded into `base` (informational). */
  baseSeq: number;
}

/** Fields of {@link DocMeta} derived from the document content. */
export type DocSummary = Pick<DocMeta, 'title' | 'year' | 'department'>;

const PREFIX = 'v1!doc!';
const logPrefix = (id: string) => `${PREFIX}${id}!u!`;
const logRange = (id: string) => ({ gt: logPrefix(id), lt: prefixEnd(logPrefix(id)) });
/** A log this long or this heavy (or half the base) is folded at the next quiet period. */
const FOLD_AFTER_ENTRIES = 256;
const FOLD_AFTER_BYTES = 64 * 1024;
/** While people go on editing, a fold waits for their next pause unless the log is this many times longer. */
const BUSY_FOLD_FACTOR = 16;
/** How long history records wait to ride with an update's synced batch before they are written alone. */
const RIDER_WAIT_MS = 100;
const seqOf = (key: string) => parseInt(key.slice(key.indexOf('!u!') + 3, key.indexOf('!u!') + 19), 16);

/** Who made a logged update: the verified author's sub, and the reviewer a suggestion came from. */
export interface LogAuthor {
  sub: string;
  by?: string | undefined;
}

/** A log key's parts: its sequence number, and when and by whom the update came where the key says so. */
export interface LogKeyParts {
  seq: number;
  at?: number;
  author?: LogAuthor;
}

/** Reads a log key (see the key layout above). */
export function parseLogKey(key: string): LogKeyParts {
  const seq = seqOf(key);
  // <seq>!<writer>!<at>!<sub>[!<by>] after '!u!'
  const [, , at, sub, by] = key.slice(key.indexOf('!u!') + 3).split('!');
  if (at === undefined || sub === undefined) return { seq };
  return { seq, at: parseInt(at, 36), author: by === undefined ? { sub } : { sub, by } };
}

/** A document's stored state as read for a load: the base (if any) first, then the log entries, and the log's keys. */
export interface StoredLog {
  updates: Uint8Array[];
  keys: string[];
}

/**
 * Durable storage of budget documents as a base state plus an append-only update log.
 * Every write either succeeds or throws a STORAGE_FAILED JixiaoError; nothing is swallowed.
 * Appends and compactions of one document are serialised; different documents run in parallel.
 */
export class DocStore {
  /** The key-value store every other store of the server shares. */
  readonly db: KvStore;
  private readonly writer = randomBytes(4).toString('hex');
  private readonly lastSeq = new Map<string, number>();
  /** Per document, the newest sequence number this process appended and saw synced (see {@link durableSeq}). */
  private readonly synced = new Map<string, number>();
  /** Whether log keys name when and by whom (LevelDB: one process writes; see the key layout). */
  private readonly attributed: boolean;
  /** Runs before a compaction reads the log (history hands over what it owes first). */
  private beforeFold: (() => Promise<void>) | undefined;
  private readonly bytes = new Map<string, number>();
  private readonly baseBytes = new Map<string, number>();
  /** Log entries not yet folded, as far as this process knows (its own appends and what it loaded). */
  private readonly logEntries = new Map<string, number>();
  /** Meta records as last read or written, kept only on LevelDB, which this process alone writes. */
  private readonly metas = new Map<string, DocMeta>();
  private readonly queues = new KeyedQueue();
  private readonly commits = new GroupCommit((ops) => this.write(() => this.db.batch(ops, { sync: true })), {
    writeAlone: (ops) => this.write(() => this.db.batch(ops)),
    waitMs: RIDER_WAIT_MS,
  });

  constructor(db: KvStore) {
    this.db = db;
    this.attributed = db.backend === 'leveldb';
  }

  /**
   * Runs `fn` before every compaction reads the log it folds, so whatever must be recorded about
   * the folded updates (history) is handed to the store first. One hook; a later call replaces it.
   */
  onBeforeFold(fn: () => Promise<void>): void {
    this.beforeFold = fn;
  }

  /** Opens the store; fails if another process holds a LevelDB folder (LevelDB allows one). */
  async open(): Promise<void> {
    await this.db.open();
  }

  /** Closes the database after pending writes finished. */
  async close(): Promise<void> {
    await this.queues.idle();
    await this.commits.idle();
    await this.db.close();
  }

  /** Creates a document from its full state; fails if the id exists. */
  async createDoc(id: string, state: Uint8Array, summary: DocSummary, now = new Date()): Promise<DocMeta> {
    if (await this.getMeta(id)) throw new JixiaoError({ code: 'CONFLICT', zh: `文档 ${id} 已存在`, en: `Document ${id} already exists` });
    const meta: DocMeta = { id, ...summary, createdAt: now.toISOString(), updatedAt: now.toISOString(), baseSeq: 0 };
    await this.write(() =>
      this.db.batch([
        { type: 'put', key: `${PREFIX}${id}!meta`, value: encodeJson(meta) },
        { type: 'put', key: `${PREFIX}${id}!base`, value: state },
      ], { sync: true }),
    );
    this.lastSeq.set(id, 0);
    this.remember(meta);
    return meta;
  }

  /** The meta record of a document, or null if there is no such document. */
  async getMeta(id: string): Promise<DocMeta | null> {
    const known = this.metas.get(id);
    if (known) return known;
    const raw = await this.db.get(`${PREFIX}${id}!meta`);
    if (raw === undefined) return null;
    const meta = decodeJson(raw) as DocMeta;
    this.remember(meta);
    return meta;
  }

  /** Every document's meta, in id order. */
  async listMeta(): Promise<DocMeta[]> {
    const out: DocMeta[] = [];
    // Only meta keys are read (values of the logs and versions are never fetched).
    const keys: string[] = [];
    for await (const key of this.db.keys({ gt: PREFIX, lt: prefixEnd(PREFIX) })) {
      if (key.endsWith('!meta') && key.split('!').length === 4) keys.push(key);
    }
    for (const value of await this.db.getMany(keys)) if (value) out.push(decodeJson(value) as DocMeta);
    return out;
  }

  /** Base state followed by every logged update, in order: apply them all to rebuild the document. */
  async loadUpdates(id: string): Promise<Uint8Array[] | null> {
    return (await this.loadLog(id))?.updates ?? null;
  }

  /** {@link loadUpdates} with the log keys read (the base, if any, is the first update and has no key). */
  async loadLog(id: string): Promise<StoredLog | null> {
    let read = await this.readConsistently(id);
    // A compaction (here or on another instance) that lands between reading the base and the log
    // would pair the old base with an emptied log and lose the folded updates: read again then.
    for (let attempt = 1; read === 'changed' && attempt < 10; attempt++) read = await this.readConsistently(id);
    if (read === 'changed') throw new Error(`the log of ${id} kept being folded while it was read`);
    if (!read) return null;
    const { meta, updates, keys } = read;
    const last = keys.reduce((n, k) => Math.max(n, seqOf(k)), meta.baseSeq);
    if (!this.lastSeq.has(id)) this.lastSeq.set(id, last);
    this.bytes.set(id, updates.reduce((n, u) => n + u.length, 0));
    this.baseBytes.set(id, updates.length > keys.length ? (updates[0] as Uint8Array).length : 0);
    this.logEntries.set(id, keys.length);
    return { updates, keys };
  }

  /**
   * The newest sequence number of the document's log that this process appended and saw synced;
   * every earlier one is stored too (appends of one document are numbered and synced in order,
   * and what was there before this process came is older). Undefined until this process appended
   * to the document.
   */
  durableSeq(id: string): number | undefined {
    return this.synced.get(id);
  }

  /**
   * Appends one update to the log and resolves once it is synced to disk (fsync): only then may
   * the server acknowledge or broadcast it. Appends that arrive while a write is in flight share
   * the next synced batch (group commit). Returns the update's sequence number.
   */
  append(id: string, update: Uint8Array, author?: LogAuthor): Promise<number> {
    // The usual case, the document's last number known: no await before the put.
    if (!this.lastSeq.has(id)) return this.queues.run(id, () => this.readLastSeq(id)).then(() => this.appendNumbered(id, update, author));
    return this.appendNumbered(id, update, author);
  }

  private appendNumbered(id: string, update: Uint8Array, author: LogAuthor | undefined): Promise<number> {
    // Numbered synchronously, so appends of one document are logged in arrival order.
    const seq = (this.lastSeq.get(id) ?? 0) + 1;
    this.lastSeq.set(id, seq);
    this.bytes.set(id, (this.bytes.get(id) ?? 0) + update.length);
    this.logEntries.set(id, (this.logEntries.get(id) ?? 0) + 1);
    let key = `${logPrefix(id)}${seq.toString(16).padStart(16, '0')}!${this.writer}`;
    if (author && this.attributed) key += `!${Date.now().toString(36)}!${author.sub}${author.by ? `!${author.by}` : ''}`;
    return this.commits.put(key, update).then(() => {
      // Batches settle in order, so this is the newest synced one (a failed one rejects instead).
      this.synced.set(id, seq);
      return seq;
    });
  }

  /**
   * Writes one small record synced, sharing the next group commit with the update log (so a
   * burst of such records costs one fsync, not one each). Rejects with STORAGE_FAILED.
   */
  putSynced(key: string, value: Uint8Array): Promise<void> {
    return this.commits.put(key, value);
  }

  /** {@link putSynced} that joins the batch of an append made in the same turn (see GroupCommit.putSoon). */
  putSyncedWithNextAppend(key: string, value: Uint8Array): Promise<void> {
    return this.commits.putSoon(key, value);
  }

  /**
   * Writes records that need no fsync of their own (history) with the next synced batch of the
   * update log, or by themselves within {@link RIDER_WAIT_MS} if no update comes: one LevelDB call
   * fewer per flush while people type. Rejects with STORAGE_FAILED.
   */
  putWithNextCommit(ops: PutOp[]): Promise<void> {
    return this.commits.ride(ops);
  }

  /** Bytes of a document's stored base and log as last known (0 before it was first loaded). */
  byteSize(id: string): number {
    return this.bytes.get(id) ?? 0;
  }

  /** Bytes of a document's log not yet folded into its base (what a compaction could shrink). */
  logBytes(id: string): number {
    return Math.max(0, this.byteSize(id) - (this.baseBytes.get(id) ?? 0));
  }

  /**
   * Whether folding the log is worth its cost now: a fold rebuilds the whole document from its
   * stored bytes, so it waits until the log is long or heavy next to the base (loads stay fast).
   * `busy`: people are editing right now, and the edits would wait behind the fold (a 500-entry
   * log of a small document takes ~15 ms); then only a log {@link BUSY_FOLD_FACTOR} times longer
   * is folded at once, a shorter one at the next pause.
   */
  worthFolding(id: string, busy = false): boolean {
    const factor = busy ? BUSY_FOLD_FACTOR : 1;
    return (this.logEntries.get(id) ?? 0) >= factor * FOLD_AFTER_ENTRIES || this.logBytes(id) >= factor * Math.max(FOLD_AFTER_BYTES, (this.baseBytes.get(id) ?? 0) / 2);
  }

  /** Whether this process appended or loaded log entries of the document that are not folded yet. */
  hasUnfoldedLog(id: string): boolean {
    return (this.logEntries.get(id) ?? 0) > 0;
  }

  /**
   * Refreshes the list fields and `updatedAt` of a document's meta without folding its log: one
   * small write, what a quiet period costs while a document stays open (see {@link worthFolding}).
   */
  touch(id: string, summary: DocSummary, now = new Date()): Promise<void> {
    // When another instance holds the lock it is compacting, which refreshes the meta too.
    return this.queues.run(id, async () => {
      await this.write(() =>
        this.db.withLock(`compact:${id}`, async () => {
          const meta = await this.getMeta(id);
          if (!meta) return;
          const next: DocMeta = { ...meta, ...summary, updatedAt: now.toISOString() };
          const key = `${PREFIX}${id}!meta`;
          if (this.db.backend === 'leveldb') {
            // The record joins the update log's next batch (a LevelDB call fewer per quiet period,
            // the largest cost of a sparse edit with 1,000 documents open), and nobody waits for it
            // (an API write's store hooks would): getMeta answers from memory, the document list may
            // lag its ≤ 100 ms wait (it lags the edit by the 2 s quiet period anyway), and a
            // compaction writes waiting riders before its own meta record.
            this.remember(next);
            this.commits.ride([{ type: 'put', key, value: encodeJson(next) }]).catch((error: unknown) => console.error(`jixiao: failed to refresh the list fields of ${id}: ${String(error)}`));
            return;
          }
          await this.db.put(key, encodeJson(next));
          this.remember(next);
        }),
      );
    });
  }

  /** The keys of the document's log not yet folded, in order (keys only: no update is read). */
  async logKeys(id: string): Promise<string[]> {
    const keys: string[] = [];
    for await (const key of this.db.keys(logRange(id))) keys.push(key);
    return keys;
  }

  /** Whether the document has logged updates not yet folded into its base (by any instance). */
  async hasLog(id: string): Promise<boolean> {
    for await (const _ of this.db.keys({ ...logRange(id), limit: 1 })) return true;
    return false;
  }

  /**
   * Folds the update log into the base state in one atomic batch and refreshes the summary.
   * Works from stored bytes only (not the live Y.Doc), and deletes exactly the log keys it read,
   * so an update logged meanwhile (here or by another instance) is never dropped. Only one
   * process compacts a document at a time (a store lock); when another holds it, this one skips.
   */
  compact(id: string, summary?: DocSummary, now = new Date()): Promise<void> {
    return this.queues.run(id, async () => {
      await this.write(() => this.db.withLock(`compact:${id}`, () => this.compactLocked(id, summary, now)));
    });
  }

  private async compactLocked(id: string, summary: DocSummary | undefined, now: Date): Promise<void> {
    // History owed for updates about to be folded is handed over first: it rides ahead of the fold.
    await this.beforeFold?.();
    // A meta record still riding (touch) must not land after this compaction's own.
    await this.commits.flushRiders().catch(() => undefined);
    const meta = await this.getMeta(id);
    if (!meta) return;
    const { updates, keys } = await this.readLog(id);
    const doc = new Y.Doc();
    applyStoredUpdates(doc, updates);
    const baseState = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    const next: DocMeta = { ...meta, ...(summary ?? {}), updatedAt: now.toISOString(), baseSeq: keys.reduce((n, k) => Math.max(n, seqOf(k)), meta.baseSeq) };
    await this.db.batch([
      { type: 'put', key: `${PREFIX}${id}!base`, value: baseState },
      { type: 'put', key: `${PREFIX}${id}!meta`, value: encodeJson(next) },
      ...keys.map((key) => ({ type: 'del' as const, key })),
    ]);
    this.remember(next);
    const folded = updates.reduce((n, u) => n + u.length, 0);
    this.bytes.set(id, Math.max(baseState.length, (this.bytes.get(id) ?? 0) - folded + baseState.length));
    this.baseBytes.set(id, baseState.length);
    this.logEntries.set(id, Math.max(0, (this.logEntries.get(id) ?? 0) - keys.length));
  }

  /** Meta, base and log as of one compaction state, or 'changed' when a compaction landed meanwhile. */
  private async readConsistently(id: string): Promise<{ meta: DocMeta; updates: Uint8Array[]; keys: string[] } | null | 'changed'> {
    // Meta and base in one read: a cold open waits for every round trip.
    const [rawMeta, base] = await this.db.getMany([`${PREFIX}${id}!meta`, `${PREFIX}${id}!base`]);
    if (rawMeta === undefined) return null;
    const meta = decodeJson(rawMeta) as DocMeta;
    const { updates, keys } = await this.readLog(id, base);
    // Every compaction moves baseSeq on in the same atomic batch that replaces the base and deletes the log.
    const after = await this.db.get(`${PREFIX}${id}!meta`);
    const latest = after === undefined ? undefined : (decodeJson(after) as DocMeta);
    if (latest === undefined || latest.baseSeq !== meta.baseSeq) return 'changed';
    // The later read: a quiet period's meta refresh may have landed between the two.
    this.remember(latest);
    return { meta: latest, updates, keys };
  }

  /** The base (if any) followed by every log entry, and the log keys read. */
  private async readLog(id: string, knownBase?: Uint8Array): Promise<{ updates: Uint8Array[]; keys: string[] }> {
    const base = knownBase ?? (await this.db.get(`${PREFIX}${id}!base`));
    const updates: Uint8Array[] = base ? [base] : [];
    const keys: string[] = [];
    for await (const [key, value] of this.db.iterator(logRange(id))) {
      keys.push(key);
      updates.push(value);
    }
    return { updates, keys };
  }

  private async readLastSeq(id: string): Promise<number> {
    const meta = await this.getMeta(id);
    let last = meta?.baseSeq ?? 0;
    for await (const key of this.db.keys({ ...logRange(id), reverse: true, limit: 1 })) last = Math.max(last, seqOf(key));
    if (!this.lastSeq.has(id)) this.lastSeq.set(id, last);
    return this.lastSeq.get(id) ?? last;
  }

  private remember(meta: DocMeta): void {
    // On PostgreSQL another instance may change a meta record at any time: always read it.
    if (this.db.backend === 'leveldb') this.metas.set(meta.id, meta);
  }


  private write<T>(op: () => Promise<T>): Promise<T> {
    try {
      return op().catch(rethrowAsStorageFailed);
    } catch (cause) {
      return Promise.reject(storageFailed(cause));
    }
  }
}

/** A failed write, as the callers report it (API: 503; socket: closed unacknowledged). */
function storageFailed(cause: unknown): JixiaoError {
  return new JixiaoError({ code: 'STORAGE_FAILED', zh: '保存失败，请稍后重试', en: 'Saving failed; please retry', details: String(cause) });
}

function rethrowAsStorageFailed(cause: unknown): never {
  throw storageFailed(cause);
}

function encodeJson(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}

function decodeJson(bytes: Uint8Array): unknown {
  return JSON.parse(new TextDecoder().decode(bytes));
}
