/** One put waiting for the next synced batch. */
interface Waiting {
  key: string;
  value: Uint8Array;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** A put operation as LevelDB's `batch` takes it. */
export type PutOp = { type: 'put'; key: string; value: Uint8Array };

/**
 * Group commit: puts that arrive while a synced batch is being written wait and go out together
 * in the next one, so many appends share one fsync (LevelDB writes one log record per batch and
 * syncs once). No timer: batches grow with load, and a lone put is written at once.
 * See the README decision log ("Acknowledge after fsync").
 */
export class GroupCommit {
  private readonly writeBatch: (ops: PutOp[]) => Promise<unknown>;
  private queue: Waiting[] = [];
  private inFlight: Promise<void> | null = null;
  private scheduled = false;

  /** `writeBatch` writes the ops atomically and synced, rejecting on failure. */
  constructor(writeBatch: (ops: PutOp[]) => Promise<unknown>) {
    this.writeBatch = writeBatch;
  }

  /** Resolves once `value` is synced under `key`; rejects if its batch failed. */
  put(key: string, value: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ key, value, resolve, reject });
      this.inFlight ??= this.drain();
    });
  }

  /**
   * Like {@link put}, but a lone put waits until the current turn of the event loop ends
   * (`setImmediate`) before it is written, so a put made right after it (the update a client-id
   * binding belongs to) shares its batch and its fsync instead of waiting for a second one.
   */
  putSoon(key: string, value: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ key, value, resolve, reject });
      if (this.inFlight || this.scheduled) return;
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        if (this.queue.length) this.inFlight ??= this.drain();
      });
    });
  }

  /** Resolves when nothing is queued or in flight. */
  async idle(): Promise<void> {
    while (this.inFlight || this.queue.length) await (this.inFlight ?? new Promise((r) => setImmediate(r)));
  }

  private async drain(): Promise<void> {
    while (this.queue.length) {
      const batch = this.queue;
      this.queue = [];
      try {
        await this.writeBatch(batch.map(({ key, value }) => ({ type: 'put', key, value })));
        for (const w of batch) w.resolve();
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
    this.inFlight = null;
  }
}
