import type { Extension, afterLoadDocumentPayload, beforeUnloadDocumentPayload, onChangePayload } from '@hocuspocus/server';

/** When automatic snapshots are taken. */
export interface AutoSnapshotTiming {
  /** Quiet time after the last edit before a snapshot (default 5 minutes). */
  idleMs: number;
  /** While editing goes on, at most one snapshot per this interval (default 30 minutes). */
  maxIntervalMs: number;
  /** How often the timers are checked. */
  tickMs: number;
}

/** Default timing from the issue: 5 minutes idle, at most one per 30 minutes while editing. */
const DEFAULT_AUTO_SNAPSHOT_TIMING: AutoSnapshotTiming = { idleMs: 5 * 60_000, maxIntervalMs: 30 * 60_000, tickMs: 15_000 };

/** Where the changed documents still without a version are remembered across restarts (OwedVersions). */
export interface OwedVersionLog {
  note(docId: string, since: number): void;
  settle(docId: string): void;
  read(docId: string): Promise<number | null>;
}

interface DirtyState {
  since: number;
  lastChange: number;
}

/**
 * Takes an automatic version after a burst of edits goes quiet, at most once per interval while
 * editing continues, and when a changed document is unloaded. A failed snapshot is logged and
 * retried at the next tick; the edits themselves are safe in the update log either way. Which
 * documents are owed one is remembered in the store (`owed`): one that a stopping or dead server
 * left without its version gets it once it is next opened, as if its changes had just gone quiet.
 */
export class AutoSnapshotExtension implements Extension {
  private readonly timing: AutoSnapshotTiming;
  private readonly take: (docId: string) => Promise<unknown>;
  private readonly dirty = new Map<string, DirtyState>();
  private readonly lastSnapshot = new Map<string, number>();
  private skipping = false;
  private readonly timer: NodeJS.Timeout;
  private readonly owed: OwedVersionLog;

  constructor(take: (docId: string) => Promise<unknown>, owed: OwedVersionLog, timing: Partial<AutoSnapshotTiming> = {}) {
    this.take = take;
    this.owed = owed;
    this.timing = { ...DEFAULT_AUTO_SNAPSHOT_TIMING, ...timing };
    this.timer = setInterval(() => void this.tick(), this.timing.tickMs);
    this.timer.unref();
  }

  async onChange({ documentName, transactionOrigin }: onChangePayload): Promise<void> {
    // A change relayed from another instance is snapshotted there, where it arrived.
    if (documentName.endsWith('.review') || (transactionOrigin as { source?: string } | undefined)?.source === 'redis') return;
    const now = Date.now();
    const state = this.dirty.get(documentName);
    if (state) state.lastChange = now;
    else {
      this.dirty.set(documentName, { since: now, lastChange: now });
      this.owed.note(documentName, now);
    }
  }

  /** A document owed a version by an earlier run is due one now (read in the background). */
  async afterLoadDocument({ documentName }: afterLoadDocumentPayload): Promise<void> {
    if (documentName.endsWith('.review') || this.dirty.has(documentName)) return;
    void this.owed
      .read(documentName)
      .then((since) => {
        if (since !== null && !this.dirty.has(documentName)) this.dirty.set(documentName, { since, lastChange: since });
      })
      .catch((error: unknown) => console.error(`jixiao: could not read whether ${documentName} is owed an automatic version: ${String(error)}`));
  }

  async beforeUnloadDocument({ documentName }: beforeUnloadDocumentPayload): Promise<void> {
    if (this.dirty.has(documentName) && !this.skipping) await this.snapshot(documentName);
  }

  /**
   * A stopping server past its time for such work: documents closed from now on get no automatic
   * version now (their content is stored, and the version is owed: taken once they are next
   * opened). Returns how many changed documents are still without one.
   */
  skipAtUnload(): number {
    this.skipping = true;
    return this.dirty.size;
  }

  async onDestroy(): Promise<void> {
    clearInterval(this.timer);
  }

  /** Records that a version was just taken by other means (manual, restore, status change). */
  markSnapshotted(docId: string): void {
    this.forget(docId);
    this.owed.settle(docId);
  }

  private forget(docId: string): void {
    this.dirty.delete(docId);
    this.lastSnapshot.set(docId, Date.now());
  }

  /** Stops the timer (server shutdown). */
  stop(): void {
    clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    const now = Date.now();
    for (const [docId, state] of this.dirty) {
      const quiet = now - state.lastChange >= this.timing.idleMs;
      const overdue = now - Math.max(state.since, this.lastSnapshot.get(docId) ?? 0) >= this.timing.maxIntervalMs;
      if (quiet || overdue) await this.snapshot(docId);
    }
  }

  private async snapshot(docId: string): Promise<void> {
    const state = this.dirty.get(docId);
    // Changes from now on are the next version's (a change during the take marks it again).
    this.forget(docId);
    try {
      await this.take(docId);
      if (!this.dirty.has(docId)) this.owed.settle(docId);
    } catch (error) {
      if (state && !this.dirty.has(docId)) this.dirty.set(docId, state);
      console.error(`jixiao: automatic snapshot of ${docId} failed`, error);
    }
  }
}
