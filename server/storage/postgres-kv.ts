import { AsyncLocalStorage } from 'node:async_hooks';
import { Semaphore } from 'async-mutex';
import pg from 'pg';
import { lastWriteWins, type KvOp, type KvRange, type KvStore, type KvWriteOptions } from './kv-store.ts';
import { migrateSchema } from './postgres-schema.ts';

const PAGE = 256;
// PostgreSQL takes at most 65,535 parameters per statement; two per row.
const ROWS_PER_INSERT = 1_000;

type Row = { key: string; value: Buffer };

/** Set while a lock section of this process runs: a `withLock` inside it is nested. */
const insideLock = new AsyncLocalStorage<true>();

/**
 * The PostgreSQL backend: one row per key in jixiao_kv. A batch is one transaction; a synced
 * write returns after COMMIT, which with `synchronous_commit = on` (the default, never changed
 * here) means after the WAL flush. An unsynced write commits with `synchronous_commit = off`: a
 * crash of the database (not of this process) may lose it, as an OS crash may lose an unsynced
 * LevelDB write. Locks are session advisory locks, released when their connection ends.
 */
export class PostgresKvStore implements KvStore {
  readonly backend = 'postgres' as const;
  private readonly pool: pg.Pool;
  /** Outermost lock sections that may run at once (see {@link withLock}). */
  private readonly lockSections: Semaphore;

  constructor(url: string, poolSize = 10) {
    this.pool = new pg.Pool({ connectionString: url, max: poolSize });
    this.lockSections = new Semaphore(Math.max(1, Math.floor((poolSize - 2) / 2)));
    // An idle connection that drops must not crash the process; the next query reconnects.
    this.pool.on('error', (error) => console.error(`jixiao: PostgreSQL connection lost: ${error.message}`));
  }

  /** Connects and creates or migrates the schema. */
  async open(): Promise<void> {
    await migrateSchema(this.pool);
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    const { rows } = await this.pool.query<Row>('SELECT value FROM jixiao_kv WHERE key = $1', [key]);
    return rows[0] ? view(rows[0].value) : undefined;
  }

  async getMany(keys: readonly string[]): Promise<Array<Uint8Array | undefined>> {
    if (!keys.length) return [];
    const { rows } = await this.pool.query<Row>('SELECT key, value FROM jixiao_kv WHERE key = ANY($1::text[])', [[...keys]]);
    const found = new Map(rows.map((r) => [r.key, view(r.value)]));
    return keys.map((k) => found.get(k));
  }

  put(key: string, value: Uint8Array, options?: KvWriteOptions): Promise<void> {
    return this.batch([{ type: 'put', key, value }], options);
  }

  del(key: string, options?: KvWriteOptions): Promise<void> {
    return this.batch([{ type: 'del', key }], options);
  }

  async batch(ops: readonly KvOp[], options: KvWriteOptions = {}): Promise<void> {
    const final = lastWriteWins(ops);
    if (!final.length) return;
    const puts = final.filter((o): o is Extract<KvOp, { type: 'put' }> => o.type === 'put');
    const dels = final.filter((o) => o.type === 'del').map((o) => o.key);
    // The common case (a group commit of log appends): one statement is its own transaction, one
    // round trip instead of BEGIN, INSERT, COMMIT.
    if (options.sync && !dels.length && puts.length <= ROWS_PER_INSERT) {
      await this.pool.query(upsert(puts.length), puts.flatMap((o) => [o.key, o.value]));
      return;
    }
    const client = await this.pool.connect();
    try {
      await client.query(options.sync ? 'BEGIN' : 'BEGIN; SET LOCAL synchronous_commit TO OFF');
      for (let i = 0; i < puts.length; i += ROWS_PER_INSERT) {
        const chunk = puts.slice(i, i + ROWS_PER_INSERT);
        await client.query(upsert(chunk.length), chunk.flatMap((o) => [o.key, o.value]));
      }
      if (dels.length) await client.query('DELETE FROM jixiao_kv WHERE key = ANY($1::text[])', [dels]);
      await client.query('COMMIT');
      client.release();
    } catch (error) {
      // An unknown COMMIT outcome counts as a failure: the caller does not acknowledge, and a
      // client's repeated Yjs update is a no-op if it was committed after all.
      await client.query('ROLLBACK').catch(() => undefined);
      client.release(error instanceof Error ? error : true);
      throw error;
    }
  }

  async *iterator(range: KvRange): AsyncIterable<[string, Uint8Array]> {
    for await (const row of this.scan(range, true)) yield [row.key, view(row.value)];
  }

  async *keys(range: KvRange): AsyncIterable<string> {
    for await (const row of this.scan(range, false)) yield row.key;
  }

  async *values(range: KvRange): AsyncIterable<Uint8Array> {
    for await (const row of this.scan(range, true)) yield view(row.value);
  }

  /**
   * A held lock keeps its connection for as long as `fn` runs, and `fn`'s own queries need
   * connections of the same pool. With as many lock sections as connections (a stop closing 500
   * documents: each refreshes or folds its log, and takes a version, under a lock) every
   * connection held a lock whose section waited for a connection: nothing moved again, the stop
   * hung and every acknowledgement waited. So at most half the pool, less two, runs outermost
   * lock sections at once; the others wait their turn before taking a connection. A lock taken
   * inside a section (a version folds the log under its own lock) runs at once: its outer section
   * holds a turn, so lock connections stay within the pool's size less two.
   */
  async withLock<T>(name: string, fn: () => Promise<T>): Promise<{ locked: true; value: T } | { locked: false }> {
    if (insideLock.getStore()) return this.lockedSection(name, fn);
    return this.lockSections.runExclusive(() => insideLock.run(true, () => this.lockedSection(name, fn)));
  }

  private async lockedSection<T>(name: string, fn: () => Promise<T>): Promise<{ locked: true; value: T } | { locked: false }> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    const onConnection = (error: unknown) => {
      broken = error instanceof Error ? error : new Error(String(error));
      throw error;
    };
    try {
      const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok', [name]).catch(onConnection);
      if (!rows[0]?.ok) return { locked: false };
      try {
        // What `fn` throws (a refused status change, say) leaves the connection as good as it was.
        return { locked: true, value: await fn() };
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [name]).catch((e: Error) => (broken = e));
      }
    } finally {
      // A connection whose lock or unlock query failed is dropped, which releases the lock server-side.
      client.release(broken ?? false);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /** Keyset pagination: each page continues after the last key of the previous one. */
  private async *scan(range: KvRange, withValues: boolean): AsyncIterable<Row> {
    let { gt, gte, lt, lte } = range;
    let left = range.limit ?? Infinity;
    while (left > 0) {
      const where: string[] = [];
      const params: unknown[] = [];
      const bound = (op: string, v: string | undefined) => {
        if (v === undefined) return;
        params.push(v);
        where.push(`key ${op} $${params.length}`);
      };
      bound('>', gt);
      bound('>=', gte);
      bound('<', lt);
      bound('<=', lte);
      const size = Math.min(PAGE, left);
      const sql = `SELECT key${withValues ? ', value' : ''} FROM jixiao_kv${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY key${range.reverse ? ' DESC' : ''} LIMIT ${size}`;
      const { rows } = await this.pool.query<Row>(sql, params);
      yield* rows;
      left -= rows.length;
      if (rows.length < size) return;
      const last = (rows[rows.length - 1] as Row).key;
      if (range.reverse) {
        lt = last;
        lte = undefined;
      } else {
        gt = last;
        gte = undefined;
      }
    }
  }
}

function upsert(rows: number): string {
  const values = Array.from({ length: rows }, (_, j) => `($${2 * j + 1}, $${2 * j + 2})`).join(', ');
  return `INSERT INTO jixiao_kv (key, value) VALUES ${values} ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`;
}

function view(b: Buffer): Uint8Array {
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}
