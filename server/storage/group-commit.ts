/** One put waiting for the next synced batch. */
interface Waiting {
  key: string;
  value: Uint8Array;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Puts that need no fsync of their own, waiting to join the next synced batch (see {@link GroupCommit.ride}). */
interface Rider {
  ops: PutOp[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** A put operation as LevelDB's `batch` takes it. */
export type PutOp = { type: 'put'; key: string; value: Uint8Array };

/** How riders are written when no synced batch comes along. */
export interface RiderOptions {
  /** Writes ops atomically without waiting for an fsync, rejecting on failure. */
  writeAlone: (ops: PutOp[]) => Promise<unknown>;
  /** How long riders wait for a synced batch before they are written alone. */
  waitMs: number;
}

/**
 * Group commit: puts that arrive while a synced batch is being written wait and go out together
 * in the next one, so many appends share one fsync (LevelDB writes one log record per batch and
 * syncs once). No timer: batches grow with load, and a lone put is written at once.
 * See the README decision log ("Acknowledge after fsync").
 *
 * Riders (history records) join the next batch instead of paying for a write of their own: on
 * this machine every LevelDB call costs ~0.1–0.3 ms of the event loop (a thread-pool hand-off),
 * as much as the rest of an edit's own work. Batches are written one at a time, in order, so a
 * later rider never lands before an earlier one.
 */
export class GroupCommit {
  private readonly writeBatch: (ops: PutOp[]) => Promise<unknown>;
  private readonly riderOptions: RiderOptions;
  private queue: Waiting[] = [];
  private riders: Rider[] = [];
  private ridersDue = false;
  private rideTimer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | null = null;
  private scheduled = false;

  /** `writeBatch` writes the ops atomically and synced, rejecting on failure; `riders` says how riders go out alone. */
  constructor(writeBatch: (ops: PutOp[]) => Promise<unknown>, riders: RiderOptions) {
    this.writeBatch = writeBatch;
    this.riderOptions = riders;
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

  /**
   * Writes `ops` with the next synced batch, or by themselves (not synced) if none starts within
   * the riders' wait. Resolves once written; rejects if that write failed.
   */
  ride(ops: PutOp[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.riders.push({ ops, resolve, reject });
      this.rideTimer ??= setTimeout(() => this.releaseRiders(), this.riderOptions.waitMs);
    });
  }

  /**
   * Writes the riders waiting now, without waiting for a synced batch; resolves once they are
   * written (a write made after this can never be overtaken by one of them).
   */
  flushRiders(): Promise<void> {
    if (!this.riders.length) return Promise.resolve();
    const flushed = this.ride([]);
    this.releaseRiders();
    return flushed;
  }

  /** Resolves when nothing is queued, riding or in flight (riders are written now). */
  async idle(): Promise<void> {
    if (this.riders.length) this.releaseRiders();
    while (this.inFlight || this.queue.length) await (this.inFlight ?? new Promise((r) => setImmediate(r)));
  }

  private releaseRiders(): void {
    clearTimeout(this.rideTimer);
    this.rideTimer = undefined;
    if (!this.riders.length) return;
    this.ridersDue = true;
    this.inFlight ??= this.drain();
  }

  private async drain(): Promise<void> {
    while (this.queue.length || this.ridersDue) {
      const batch = this.queue;
      const riders = this.riders;
      this.queue = [];
      this.riders = [];
      this.ridersDue = false;
      clearTimeout(this.rideTimer);
      this.rideTimer = undefined;
      const ops: PutOp[] = riders.flatMap((r) => r.ops);
      for (const { key, value } of batch) ops.push({ type: 'put', key, value });
      const settle = [...batch, ...riders];
      try {
        await (batch.length ? this.writeBatch(ops) : this.riderOptions.writeAlone(ops));
        for (const w of settle) w.resolve();
      } catch (error) {
        for (const w of settle) w.reject(error);
      }
    }
    this.inFlight = null;
  }
}
