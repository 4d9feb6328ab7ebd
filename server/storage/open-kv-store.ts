import { join } from 'node:path';
import type { KvStore } from './kv-store.ts';
import { LevelKvStore } from './level-kv.ts';
import { PostgresKvStore } from './postgres-kv.ts';

/** Where the server keeps what it persists. */
export type StorageTarget = { databaseUrl: string } | { dataDir: string };

/** The store for a target, not yet opened: PostgreSQL when a URL is given, else LevelDB in `dataDir/leveldb`. */
export function createKvStore(target: StorageTarget): KvStore {
  return 'databaseUrl' in target ? new PostgresKvStore(target.databaseUrl) : new LevelKvStore(join(target.dataDir, 'leveldb'));
}
