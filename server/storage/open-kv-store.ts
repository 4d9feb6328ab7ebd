import { join } from 'node:path';
import type { KvStore } from './kv-store.ts';
import { LevelKvStore } from './level-kv.ts';

/** Where the server keeps what it persists. */
export type StorageTarget = { databaseUrl: string } | { dataDir: string };

/**
 * The store for a target, not yet opened: PostgreSQL when a URL is given, else LevelDB in
 * `dataDir/leveldb`. The PostgreSQL driver is loaded only when asked for (RSS of a LevelDB server).
 */
export async function createKvStore(target: StorageTarget): Promise<KvStore> {
  if (!('databaseUrl' in target)) return new LevelKvStore(join(target.dataDir, 'leveldb'));
  const { PostgresKvStore } = await import('./postgres-kv.ts');
  return new PostgresKvStore(target.databaseUrl);
}
