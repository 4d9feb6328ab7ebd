import type { KvOp, KvStore, KvWriteOptions } from '../../server/storage/kv-store.ts';

type Db = KvStore;
type BatchOps = readonly KvOp[];
type WriteOptions = KvWriteOptions | undefined;

/**
 * Makes the writes of a real store (LevelDB or PostgreSQL) fail on demand, as a full disk or a failed fsync would;
 * reads keep working. `onlySynced` fails only writes that ask for fsync (the update log), so a
 * test can reach the durable write path past unsynced bookkeeping. `restore()` undoes it.
 */
export function failWrites(db: Db, onlySynced = false): { restore(): void } {
  const realBatch = db.batch.bind(db) as (ops: BatchOps, options?: WriteOptions) => Promise<void>;
  const realPut = db.put.bind(db) as (key: string, value: Uint8Array, options?: WriteOptions) => Promise<void>;
  const failing = (options: WriteOptions) => !onlySynced || options?.sync === true;
  const error = () => Promise.reject(new Error('IO error: simulated failed write'));
  Object.assign(db, {
    batch: (ops: BatchOps, options?: WriteOptions) => (failing(options) ? error() : realBatch(ops, options)),
    put: (key: string, value: Uint8Array, options?: WriteOptions) => (failing(options) ? error() : realPut(key, value, options)),
  });
  return {
    restore: () => {
      // The instance properties shadowed the prototype's methods; removing them restores those.
      Reflect.deleteProperty(db, 'batch');
      Reflect.deleteProperty(db, 'put');
    },
  };
}
