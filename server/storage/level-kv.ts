import { Level } from 'level';
import type { KvOp, KvRange, KvStore, KvWriteOptions } from './kv-store.ts';

/**
 * The LevelDB backend (`DATA_DIR/leveldb`): today's default, one process per folder, so its
 * locks only need to exclude other work of the same process.
 */
export class LevelKvStore implements KvStore {
  readonly backend = 'leveldb' as const;
  private readonly db: Level<string, Uint8Array>;
  private readonly held = new Set<string>();

  constructor(dir: string) {
    this.db = new Level<string, Uint8Array>(dir, { keyEncoding: 'utf8', valueEncoding: 'view' });
  }

  /** Fails with LEVEL_LOCKED when another process holds the folder. */
  async open(): Promise<void> {
    await this.db.open();
  }

  get(key: string): Promise<Uint8Array | undefined> {
    return this.db.get(key);
  }

  getMany(keys: readonly string[]): Promise<Array<Uint8Array | undefined>> {
    return this.db.getMany([...keys]);
  }

  put(key: string, value: Uint8Array, options: KvWriteOptions = {}): Promise<void> {
    return this.db.put(key, value, options);
  }

  del(key: string, options: KvWriteOptions = {}): Promise<void> {
    return this.db.del(key, options);
  }

  batch(ops: readonly KvOp[], options: KvWriteOptions = {}): Promise<void> {
    // Level reads the array and never changes it: no copy per write.
    return this.db.batch(ops as KvOp[], options);
  }

  iterator(range: KvRange): AsyncIterable<[string, Uint8Array]> {
    return this.db.iterator(range);
  }

  keys(range: KvRange): AsyncIterable<string> {
    return this.db.keys(range);
  }

  values(range: KvRange): AsyncIterable<Uint8Array> {
    return this.db.values(range);
  }

  async withLock<T>(name: string, fn: () => Promise<T>): Promise<{ locked: true; value: T } | { locked: false }> {
    if (this.held.has(name)) return { locked: false };
    this.held.add(name);
    try {
      return { locked: true, value: await fn() };
    } finally {
      this.held.delete(name);
    }
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
