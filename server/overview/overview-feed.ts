import type { Hocuspocus } from '@hocuspocus/server';
import type * as Y from 'yjs';
import type { OverviewEvent, OverviewRow } from '../../shared/overview/overview-row.ts';
import type { Identity } from '../auth/tokens.ts';
import type { OverviewRows } from './overview-rows.ts';

/** Someone watching the overview: who (for reach) and where their events go. */
interface Watcher {
  identity: Identity;
  send: (event: OverviewEvent) => void;
  /** Ends the watcher's stream (the server is stopping). */
  end: () => void;
  /** Documents this watcher was sent, so one that leaves their reach is removed. */
  shown: Set<string>;
}

/** How often at most a changing document's row is recomputed and sent. */
const DEFAULT_INTERVAL_MS = 1_000;

/**
 * The live side of the overview. Nothing is observed while nobody watches: the first watcher
 * attaches an `update` listener to every loaded document (a document loaded later is attached
 * when it loads), the last one detaches them. A change only marks its document; once per interval
 * the marked documents' rows are recomputed — validation runs here, never on the edit path — and
 * sent to the watchers who reach them.
 */
export class OverviewFeed {
  private readonly hocuspocus: Hocuspocus;
  private readonly rows: OverviewRows;
  private readonly intervalMs: number;
  private readonly watchers = new Set<Watcher>();
  private readonly attached = new Map<string, () => void>();
  private readonly dirty = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(hocuspocus: Hocuspocus, rows: OverviewRows, intervalMs = DEFAULT_INTERVAL_MS) {
    this.hocuspocus = hocuspocus;
    this.rows = rows;
    this.intervalMs = intervalMs;
  }

  /**
   * Sends `identity` the changes of documents in their reach from now on. Returns the set of
   * documents they were shown (add the ones sent to them otherwise) and the unsubscribe function.
   */
  watch(identity: Identity, send: (event: OverviewEvent) => void, end: () => void): { shown: Set<string>; stop: () => void } {
    const watcher: Watcher = { identity, send, end, shown: new Set() };
    this.watchers.add(watcher);
    if (this.watchers.size === 1) for (const [name, doc] of this.hocuspocus.documents) this.attach(name, doc);
    const stop = () => {
      if (!this.watchers.delete(watcher) || this.watchers.size > 0) return;
      for (const detach of this.attached.values()) detach();
      this.attached.clear();
      this.dirty.clear();
    };
    return { shown: watcher.shown, stop };
  }

  /** How many are watching and how many documents are observed for them (for tests and the bench). */
  get observing(): { watchers: number; documents: number } {
    return { watchers: this.watchers.size, documents: this.attached.size };
  }

  /** A document was loaded (Hocuspocus `afterLoadDocument`). */
  loaded(name: string, doc: Y.Doc): void {
    if (this.watchers.size > 0) this.attach(name, doc);
  }

  /** A document was unloaded: its listener goes with it. */
  unloaded(name: string): void {
    this.attached.get(name)?.();
    this.attached.delete(name);
  }

  /**
   * A document is being created (created, imported, copied): no Y.Doc shows that, so it is marked
   * here, for the next round, by which time it is stored; if it never is, nothing is sent.
   */
  created(docId: string): void {
    if (this.watchers.size > 0) this.mark(docId);
  }

  private attach(name: string, doc: Y.Doc): void {
    if (this.attached.has(name)) return;
    const docId = name.replace(/\.review$/, '');
    const onUpdate = () => this.mark(docId);
    doc.on('update', onUpdate);
    this.attached.set(name, () => doc.off('update', onUpdate));
  }

  private mark(docId: string): void {
    this.dirty.add(docId);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.flushing = this.flushing.then(() => this.flush());
    }, this.intervalMs);
  }

  private async flush(): Promise<void> {
    const ids = [...this.dirty];
    this.dirty.clear();
    for (const docId of ids) {
      const reaching: Watcher[] = [];
      for (const w of this.watchers) {
        if (await this.rows.sees(docId, w.identity).catch(() => false)) reaching.push(w);
        else if (w.shown.delete(docId)) w.send({ type: 'remove', data: { id: docId } });
      }
      if (!reaching.length) continue;
      let row: OverviewRow | null;
      try {
        row = await this.rows.row(docId);
      } catch (error) {
        console.error(`jixiao: overview row of ${docId} failed`, error);
        continue;
      }
      for (const w of reaching) {
        if (row) {
          w.shown.add(docId);
          w.send({ type: 'row', data: row });
        } else if (w.shown.delete(docId)) w.send({ type: 'remove', data: { id: docId } });
      }
    }
  }

  /** Ends every watcher's stream and stops observing (the server is stopping). */
  close(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const w of [...this.watchers]) w.end();
    for (const detach of this.attached.values()) detach();
    this.attached.clear();
    this.watchers.clear();
  }
}
