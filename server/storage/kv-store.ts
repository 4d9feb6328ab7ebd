/*
 * The one storage interface every store runs on (DocStore, HistoryStore, VersionStore,
 * ClientIdRegistry, and any later store). Keys are strings (`v1!…`), values bytes; iteration is
 * in key order by UTF-8 bytes, the same on both backends, so a store's range scans mean the same
 * thing on LevelDB and on PostgreSQL. Method names follow `level` so a store written for
 * LevelDB ports by changing its type.
 */

/** One write of a batch. */
export type KvOp = { type: 'put'; key: string; value: Uint8Array } | { type: 'del'; key: string };

/** A key range (any bounds may be omitted), optionally reversed and limited. */
export interface KvRange {
  gt?: string;
  gte?: string;
  lt?: string;
  lte?: string;
  reverse?: boolean;
  limit?: number;
}

/** `sync: true` = the write is durable (fsync / committed with WAL flush) when the promise resolves. */
export interface KvWriteOptions {
  sync?: boolean;
}

/** A key-value store: LevelDB (one process) or PostgreSQL (any number of instances). */
export interface KvStore {
  /** `leveldb` or `postgres`, for logs and the benchmark. */
  readonly backend: 'leveldb' | 'postgres';
  /** Opens the store (PostgreSQL: connects and migrates the schema). */
  open(): Promise<void>;
  /** The value of `key`, or undefined. */
  get(key: string): Promise<Uint8Array | undefined>;
  /** The values of `keys`, in the same order (undefined where missing). */
  getMany(keys: readonly string[]): Promise<Array<Uint8Array | undefined>>;
  /** Writes one value. */
  put(key: string, value: Uint8Array, options?: KvWriteOptions): Promise<void>;
  /** Deletes one key (no error if it is absent). */
  del(key: string, options?: KvWriteOptions): Promise<void>;
  /** Writes all ops atomically: all or none (PostgreSQL: one transaction). */
  batch(ops: readonly KvOp[], options?: KvWriteOptions): Promise<void>;
  /** Entries of a range in key order. */
  iterator(range: KvRange): AsyncIterable<[string, Uint8Array]>;
  /** Keys of a range in key order. */
  keys(range: KvRange): AsyncIterable<string>;
  /** Values of a range in key order. */
  values(range: KvRange): AsyncIterable<Uint8Array>;
  /**
   * Runs `fn` while holding the named lock across every process using this store, or returns
   * `{ locked: false }` at once when someone else holds it. A crashed holder's lock is released
   * (PostgreSQL: with its connection).
   */
  withLock<T>(name: string, fn: () => Promise<T>): Promise<{ locked: true; value: T } | { locked: false }>;
  /** Closes the store after writes in flight finished. */
  close(): Promise<void>;
}

/** The upper bound of every key starting with `prefix` (`lt: prefixEnd(p)`), CJK included (`\xff` would stop before it). */
export function prefixEnd(prefix: string): string {
  return `${prefix}\u{10ffff}`;
}

/** The last write for each key wins within one batch, as it does in LevelDB. */
export function lastWriteWins(ops: readonly KvOp[]): KvOp[] {
  const byKey = new Map<string, KvOp>();
  for (const op of ops) {
    byKey.delete(op.key);
    byKey.set(op.key, op);
  }
  return [...byKey.values()];
}
