import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KvStore } from '../../server/storage/kv-store.ts';
import { LevelKvStore } from '../../server/storage/level-kv.ts';
import { PostgresKvStore } from '../../server/storage/postgres-kv.ts';
import { startPostgres, type PostgresService } from './postgres-service.ts';

/** One storage backend for a suite that runs on each (describe.each). */
export interface StorageBackend {
  name: 'leveldb' | 'postgres';
  /** Starts what the backend needs (PostgreSQL: a server); once per file. */
  setUp(): Promise<void>;
  tearDown(): Promise<void>;
  /** A fresh, opened, empty store. */
  fresh(): Promise<KvStore>;
  /**
   * A second handle on the data of `store`, as another instance would open it; LevelDB allows
   * one process, so there it is the same handle.
   */
  share(store: KvStore): Promise<KvStore>;
}

/** LevelDB in temporary folders, and PostgreSQL in a temporary cluster with one database per store. */
export function storageBackends(): StorageBackend[] {
  const dirs: string[] = [];
  const opened: KvStore[] = [];
  const track = async (s: KvStore) => (await s.open(), opened.push(s), s);
  const closeAll = async () => {
    for (const s of opened.splice(0)) await s.close().catch(() => undefined);
  };
  let server: PostgresService | undefined;
  const urls = new Map<KvStore, string>();
  return [
    {
      name: 'leveldb',
      setUp: async () => undefined,
      tearDown: async () => {
        await closeAll();
        for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
      },
      fresh: async () => {
        const dir = await mkdtemp(join(tmpdir(), 'jixiao-kv-'));
        dirs.push(dir);
        return track(new LevelKvStore(dir));
      },
      share: async (store) => store,
    },
    {
      name: 'postgres',
      setUp: async () => {
        server = await startPostgres();
      },
      tearDown: async () => {
        await closeAll();
        await server?.stop();
      },
      fresh: async () => {
        if (!server) throw new Error('setUp first');
        const url = await server.createDatabase();
        const store = await track(new PostgresKvStore(url));
        urls.set(store, url);
        return store;
      },
      share: async (store) => {
        const url = urls.get(store);
        if (!url) throw new Error('not a store of this backend');
        return track(new PostgresKvStore(url));
      },
    },
  ];
}
