import * as Y from 'yjs';
import { toBudgetJson } from '../../shared/model/index.ts';
import { firstScreenUpdate } from '../../shared/sync/first-screen-update.ts';
import { whenIdle } from '../idle.ts';
import { deleteLocalDoc, LocalDocStore } from './local-doc-store.ts';
import { countPendingPlaces, listPendingChanges, type PendingChange } from './pending-changes.ts';

/** Meta key of the state the server is known to hold. */
const CONFIRMED = 'confirmed';
/** Recount unsent places at most this often while edits are waiting (ms). */
const RECOUNT_MS = 250;
/**
 * Store the acknowledged state at most this often (ms): it is the whole document. What the server
 * sent is also flagged in the update log at once; this save only shortens the next load.
 */
const SAVE_CONFIRMED_MS = 2_000;
/** Store the first screen (for the next visit to paint before the copy decodes) at most this often (ms). */
const SAVE_SCREEN_MS = 2_000;

/** Fired by an {@link OfflineCopy} when its list of unsent changes changed. */
export class PendingChangeEvent extends Event {
  static readonly eventName = 'pending-change';

  constructor() {
    super(PendingChangeEvent.eventName);
  }
}

/**
 * This person's copy of one document in the browser: every edit is stored locally (so it survives
 * a reload or a closed laptop), and beside it the state the server acknowledged. The difference
 * between the two is the list of unsent changes the page counts and, when the server refuses them
 * (document locked, rights lost), offers as suggestions or a download.
 */
export class OfflineCopy extends EventTarget {
  readonly store: LocalDocStore;
  /** This browser noted the copy before: one may be stored, to load before connecting. */
  readonly known: boolean;
  readonly #doc: Y.Doc;
  readonly #confirmedDoc = new Y.Doc();
  // Acknowledged updates not yet applied to #confirmedDoc: decoding a whole document twice on
  // open (once for the page, once here) would hold back the first paint, so they wait for idle.
  #confirmedQueue: Uint8Array[] = [];
  #cancelIdle: (() => void) | null = null;
  readonly #isRemote: (origin: unknown) => boolean;
  // Local updates since the last acknowledgement; null means "diff the whole document" (after a load).
  #unacknowledged: Uint8Array[] | null = [];
  #changes: PendingChange[] = [];
  #count = 0;
  #recount: ReturnType<typeof setTimeout> | undefined;
  #saveConfirmed: ReturnType<typeof setTimeout> | undefined;
  #saveScreen: ReturnType<typeof setTimeout> | undefined;
  #cancelScreenIdle: (() => void) | null = null;
  // A first screen as fresh as the copy was stored (or found) once in this session: later ones
  // wait SAVE_SCREEN_MS, the first only for idle.
  #screenSettled = false;
  // Between load() (or record()) and destroy(): only then do the doc and the acknowledged state mean anything.
  #live = false;
  #destroyed = false;

  /**
   * Keeps `doc` in database `name`; `isRemote` tells an update that came from the server by its
   * origin; `known`: this browser noted the copy before (so one may be stored).
   */
  constructor(options: { doc: Y.Doc; name: string; isRemote: (origin: unknown) => boolean; known: boolean }) {
    super();
    this.known = options.known;
    this.#doc = options.doc;
    this.#isRemote = options.isRemote;
    this.store = new LocalDocStore({ name: options.name, doc: options.doc, isRemote: options.isRemote, acknowledged: () => Y.encodeStateAsUpdate(this.#confirmed()) });
  }

  /**
   * Starts keeping every update of the doc now, before `load()`: where no copy is known, the
   * provider connects at once, and what arrives or is typed while IndexedDB creates the database
   * is stored once it is open (and counted as unsent until acknowledged meanwhile).
   */
  record(): void {
    this.store.record();
    this.#listen();
  }

  /**
   * Loads the stored copy into the doc; true if there was one. Attach the provider only after this,
   * unless `record()` was called first (then a copy found late must be sent by a fresh handshake).
   */
  async load(showFirst?: (screen: Uint8Array) => Promise<void>): Promise<boolean> {
    const { had, remote, local } = await this.store.load(showFirst);
    // No first screen as fresh as the copy: the next visit gets one.
    if (had && this.store.hadFreshScreen) this.#screenSettled = true;
    else if (had) this.#scheduleScreen(0);
    const confirmed = await this.store.getMeta(CONFIRMED);
    // A tab closed before the (debounced) save still left every server update flagged in the log.
    this.#queueConfirmed(...(confirmed ? [confirmed] : []), ...remote);
    // Only the server's updates stored: all of it is acknowledged already, nothing to re-encode at
    // the first sync. With edits of this person's stored, nothing tells which are new: diff it all.
    if (local) this.#unacknowledged = null;
    this.#listen();
    // Only what the server sent is stored: all of it acknowledged, nothing to diff (a whole
    // document twice) before the first paint.
    if (local) this.recount();
    return had;
  }

  #listen(): void {
    if (this.#live || this.#destroyed) return;
    this.#doc.on('update', this.#onUpdate);
    this.#live = true;
  }

  /** Unsent changes, in document order. */
  get changes(): readonly PendingChange[] {
    return this.#changes;
  }

  /** Changed cells and sections not yet acknowledged (the n of 离线 · n 处修改未同步). */
  get count(): number {
    return this.#count;
  }

  /** The server has acknowledged everything this doc holds: nothing is pending any more. */
  markAcknowledged(): void {
    clearTimeout(this.#recount);
    this.#recount = undefined;
    // After a load nothing tells which local updates are new: the whole state is acknowledged.
    if (this.#unacknowledged === null) this.#queueConfirmed(Y.encodeStateAsUpdate(this.#doc));
    else if (this.#unacknowledged.length > 0) this.#queueConfirmed(...this.#unacknowledged);
    else if (this.#count === 0) return;
    this.#unacknowledged = [];
    this.#scheduleSave();
    this.#setChanges([]);
  }

  /** Stops storing; the stored copy stays for the next visit. */
  destroy(): void {
    this.#live = false;
    this.#destroyed = true;
    clearTimeout(this.#recount);
    clearTimeout(this.#saveScreen);
    this.#cancelScreenIdle?.();
    if (this.#saveConfirmed !== undefined) void this.#save();
    this.#doc.off('update', this.#onUpdate);
    this.#cancelIdle?.();
    this.store.destroy();
    this.#confirmedDoc.destroy();
  }

  /** Stops storing and deletes the stored copy (the document is gone, or its edits were handed over). */
  async discard(): Promise<void> {
    clearTimeout(this.#saveConfirmed);
    this.#saveConfirmed = undefined;
    this.destroy();
    await deleteLocalDoc(this.store.name);
  }

  readonly #onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (this.#isRemote(origin)) {
      // The server sends only what it stored, so it is acknowledged by definition.
      this.#queueConfirmed(update);
      this.#scheduleSave();
    } else this.#unacknowledged?.push(update);
    this.#recount ??= setTimeout(() => this.recount(), RECOUNT_MS);
    // A first visit's copy gets its first screen as soon as the page is idle after the sync, so
    // the next visit paints it even if this one was short.
    this.#scheduleScreen(this.#screenSettled ? SAVE_SCREEN_MS : 0);
  };

  // The stored first screen goes stale with every update stored after it (LocalDocStore.putScreen):
  // a new one is stored once the page is idle, at most every SAVE_SCREEN_MS while edits come in
  // (the first of a session without a fresh one at once).
  #scheduleScreen(delayMs: number): void {
    if (this.#saveScreen !== undefined || this.#cancelScreenIdle) return;
    this.#saveScreen = setTimeout(() => {
      this.#saveScreen = undefined;
      this.#cancelScreenIdle = whenIdle(() => {
        this.#cancelScreenIdle = null;
        if (!this.#live) return;
        const screen = firstScreenUpdate(this.#doc);
        if (!screen) return;
        this.#screenSettled = true;
        void this.store.putScreen(screen).catch(() => undefined);
      });
    }, delayMs);
  }

  /** Counts the unsent places now rather than after the short delay edits otherwise wait for. */
  recount(): void {
    if (!this.#live) return;
    clearTimeout(this.#recount);
    this.#recount = undefined;
    this.#setChanges(listPendingChanges(toBudgetJson(this.#doc), toBudgetJson(this.#confirmed())));
  }

  #setChanges(changes: PendingChange[]): void {
    this.#changes = changes;
    const count = countPendingPlaces(changes);
    const changed = count !== this.#count || changes.length > 0;
    this.#count = count;
    if (changed) this.dispatchEvent(new PendingChangeEvent());
  }

  #scheduleSave(): void {
    this.#saveConfirmed ??= setTimeout(() => void this.#save(), SAVE_CONFIRMED_MS);
  }

  async #save(): Promise<void> {
    clearTimeout(this.#saveConfirmed);
    this.#saveConfirmed = undefined;
    await this.store.putMeta(CONFIRMED, Y.encodeStateAsUpdate(this.#confirmed())).catch(() => undefined);
  }

  #queueConfirmed(...updates: Uint8Array[]): void {
    if (updates.length === 0) return;
    this.#confirmedQueue.push(...updates);
    this.#cancelIdle ??= whenIdle(() => void this.#confirmed());
  }

  /** The state the server is known to hold, with every queued update applied. */
  #confirmed(): Y.Doc {
    this.#cancelIdle?.();
    this.#cancelIdle = null;
    const queue = this.#confirmedQueue;
    if (queue.length > 0 && !this.#confirmedDoc.isDestroyed) {
      this.#confirmedQueue = [];
      Y.transact(this.#confirmedDoc, () => queue.forEach((u) => Y.applyUpdate(this.#confirmedDoc, u)));
    }
    return this.#confirmedDoc;
  }
}
