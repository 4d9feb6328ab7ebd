import type { Level } from 'level';

type WriteOptions = { sync?: boolean } | undefined;

/**
 * Makes the writes of a real LevelDB fail on demand, as a full disk or a failed fsync would;
 * reads keep working. `onlySynced` fails only writes that ask for fsync (the update log), so a
 * test can reach the durable write path past unsynced bookkeeping. `restore()` undoes it.
 */
export function failWrites(db: Level<string, Uint8Array>, onlySynced = false): { restore(): void } {
  const real = { batch: db.batch.bind(db), put: db.put.bind(db) };
  const failing = (options: WriteOptions) => !onlySynced || options?.sync === true;
  const error = () => Promise.reject(new Error('IO error: simulated failed write'));
  Object.assign(db, {
    batch: (ops: Parameters<typeof real.batch>[0], options: WriteOptions) => (failing(options) ? error() : real.batch(ops, options)),
    put: (key: string, value: Uint8Array, options: WriteOptions) => (failing(options) ? error() : real.put(key, value, options)),
  });
  return { restore: () => Object.assign(db, { batch: db.constructor.prototype.batch, put: db.constructor.prototype.put }) };
}
