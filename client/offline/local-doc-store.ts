import * as Y from 'yjs';

// One IndexedDB database per person and document (see local-names.ts); inside it:
//   updates  autoIncrement key → {update, remote}: one Yjs update, remote when the server sent it
//            (past COMPACT_AFTER: the whole state, plus the acknowledged state as one remote record)
//   meta     'confirmed' → the state the server is known to hold (Yjs update), saved now and then
//            'screen'    → {update, upTo}: the first screen (shared/sync/first-screen-update.ts) as
//                          the log stood up to key `upTo`; shown first when no later key exists
const UPDATES = 'updates';
const META = 'meta';
const SCREEN = 'screen';
const DB_VERSION = 1;
/** Past this many stored updates, they are merged into one (y-indexeddb does the same at 500). */
const COMPACT_AFTER = 500;

/** Fired when the browser refuses to store an update (quota, database deleted by another tab). */
export class LocalStoreFailedEvent extends Event {
  static readonly eventName = 'local-store-failed';
  readonly error: unknown;

  constructor(error: unknown) {
    super(LocalStoreFailedEvent.eventName);
    this.error = error;
  }
}

/** One stored update; `remote` when it came from the server (so the server holds it). */
interface StoredUpdate {
  update: Uint8Array;
  remote: boolean;
}

/** A stored first screen and the last log key it includes. */
interface StoredScreen {
  update: Uint8Array;
  upTo: number;
}

/** What a {@link LocalDocStore} found when it loaded. */
export interface LoadedCopy {
  /** Anything was stored. */
  had: boolean;
  /** The stored updates that came from the server: acknowledged by definition. */
  remote: Uint8Array[];
  /** Some stored update is this person's own (may be unsent); without one, nothing is pending. */
  local: boolean;
}

/**
 * A Y.Doc mirrored into IndexedDB: every update of the doc is appended, and `load()` applies what
 * was stored before. Our own small store rather than y-indexeddb: that package throws inside the
 * doc's `update` listener once another tab deleted the database (so later listeners, the provider,
 * miss the edit) and its `clearData()` resolves before the deletion; here a failed write is an
 * event and deletion is awaited.
 */
export class LocalDocStore extends EventTarget {
  readonly name: string;
  readonly #doc: Y.Doc;
  readonly #isRemote: (origin: unknown) => boolean;
  readonly #acknowledged: () => Uint8Array;
  #db: IDBDatabase | null = null;
  // Updates kept since `record()` until the database is open (null: not recording early).
  #early: StoredUpdate[] | null = null;
  #loading: Promise<unknown> | null = null;
  #stored = 0;
  /** The log held a first screen as fresh as itself when loaded. */
  #freshScreen = false;
  #destroyed = false;

  /**
   * Mirrors `doc` into the database `name`; call `load()` before anything else reads the doc.
   * `isRemote` tells the server's updates by their origin; `acknowledged` is the state the server
   * holds, kept as one remote record when the log is merged.
   */
  constructor(options: { name: string; doc: Y.Doc; isRemote: (origin: unknown) => boolean; acknowledged: () => Uint8Array }) {
    super();
    this.name = options.name;
    this.#doc = options.doc;
    this.#isRemote = options.isRemote;
    this.#acknowledged = options.acknowledged;
  }

  /**
   * Starts keeping the doc's updates now, before `load()` has the database open: a first visit
   * connects at once instead of waiting for IndexedDB to create the copy (300–600 ms), and what the
   * server sends or the person types meanwhile is written as soon as the database is open.
   */
  record(): void {
    if (this.#early || this.#db || this.#destroyed) return;
    this.#early = [];
    this.#doc.on('update', this.#onUpdate);
  }

  /**
   * Opens the database and applies its updates to the doc (origin: this store), then writes what
   * was recorded meanwhile. A failure stops the recording: nothing is kept in memory for nobody.
   * When the copy holds a first screen as fresh as its log, `showFirst` gets it before the log is
   * applied, and the log waits for what it returns (the page painting it).
   */
  async load(showFirst?: (screen: Uint8Array) => Promise<void>): Promise<LoadedCopy> {
    const loading = this.#load(showFirst);
    this.#loading = loading;
    try {
      return await loading;
    } catch (error) {
      this.destroy();
      throw error;
    }
  }

  async #load(showFirst?: (screen: Uint8Array) => Promise<void>): Promise<LoadedCopy> {
    const read = await (takePrefetched(this.name) ?? openAndRead(this.name));
    const db = read.db;
    if (this.#destroyed) {
      db.close();
      return { had: false, remote: [], local: false };
    }
    this.#db = db;
    // Another tab deletes this database on sign-out: let it, and stop writing here.
    db.onversionchange = () => this.destroy();
    const screen = toStoredScreen(read.screen);
    this.#freshScreen = !!screen && read.lastKey >= 0 && screen.upTo >= read.lastKey;
    // The log is still being read meanwhile: the screen needs only its own record and the last key.
    if (screen && this.#freshScreen && showFirst) await showFirst(screen.update);
    const records = (await read.records).flatMap(toStoredUpdate);
    this.#stored = records.length;
    if (this.#destroyed) return { had: false, remote: [], local: false };
    if (records.length > 0) applyUnannounced(this.#doc, records, this);
    const early = this.#early;
    this.#early = null;
    if (early) this.#write(early);
    else this.#doc.on('update', this.#onUpdate);
    return { had: records.length > 0, remote: records.filter((r) => r.remote).map((r) => r.update), local: records.some((r) => !r.remote) };
  }

  /** The copy held a first screen as fresh as its log when it loaded (none to save for now). */
  get hadFreshScreen(): boolean {
    return this.#freshScreen;
  }

  /**
   * Stores `update` as the first screen of the log as written so far: everything written before
   * this call. Its transaction spans the log, so it runs after every write started earlier and
   * reads the last key then; a write started later gets a higher key, so the screen then counts as
   * stale and is not shown. On a first visit it waits for the database to open.
   */
  async putScreen(update: Uint8Array): Promise<void> {
    if (!this.#db) await this.#loading?.catch(() => undefined);
    if (!this.#db || this.#destroyed) return;
    const tx = this.#db.transaction([UPDATES, META], 'readwrite');
    const last = tx.objectStore(UPDATES).openKeyCursor(null, 'prev');
    last.onsuccess = () => {
      const key = last.result?.key;
      tx.objectStore(META).put({ update, upTo: typeof key === 'number' ? key : -1 } satisfies StoredScreen, SCREEN);
    };
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    });
  }

  /** A value stored beside the updates (undefined if none). */
  async getMeta(key: string): Promise<Uint8Array | undefined> {
    if (!this.#db) return undefined;
    return request<Uint8Array | undefined>(this.#db.transaction(META).objectStore(META).get(key));
  }

  /** Stores `value` under `key` beside the updates. */
  async putMeta(key: string, value: Uint8Array): Promise<void> {
    // Acknowledged while a first visit's database is still being created: stored once it is open.
    if (!this.#db) await this.#loading?.catch(() => undefined);
    if (!this.#db || this.#destroyed) return;
    await request(this.#db.transaction(META, 'readwrite').objectStore(META).put(value, key));
  }

  /** Stops mirroring and closes the database (its data stays). */
  destroy(): void {
    this.#destroyed = true;
    this.#early = null;
    this.#doc.off('update', this.#onUpdate);
    this.#db?.close();
    this.#db = null;
  }

  readonly #onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this) return;
    const record: StoredUpdate = { update, remote: this.#isRemote(origin) };
    if (this.#db) this.#write([record]);
    else this.#early?.push(record);
  };

  #write(records: StoredUpdate[]): void {
    if (!this.#db || records.length === 0) return;
    try {
      const tx = this.#db.transaction(UPDATES, 'readwrite');
      const store = tx.objectStore(UPDATES);
      this.#stored += records.length;
      const add = (record: StoredUpdate) => store.add(record);
      if (this.#stored < COMPACT_AFTER) records.forEach(add);
      else {
        // One transaction: the merged state replaces the log atomically, and what the server
        // holds stays told apart from this person's unsent edits.
        store.clear();
        add({ update: Y.encodeStateAsUpdate(this.#doc), remote: false });
        add({ update: this.#acknowledged(), remote: true });
        this.#stored = 2;
      }
      tx.onerror = () => this.dispatchEvent(new LocalStoreFailedEvent(tx.error));
    } catch (error) {
      // Never throw inside the doc's update listener: the provider listens after us.
      this.dispatchEvent(new LocalStoreFailedEvent(error));
    }
  }
}

/**
 * Applies the stored copy with the doc's `update` listeners (the provider, the review model) set
 * aside: none of them has anything to do with it (the handshake sends the server what it lacks),
 * yet while any listens, Yjs encodes the whole loaded document once more as one update, a third
 * of the load's time for a large document, on the way to the first paint.
 */
function applyUnannounced(doc: Y.Doc, records: StoredUpdate[], origin: LocalDocStore): void {
  const listeners = doc._observers.get('update');
  doc._observers.delete('update');
  try {
    Y.transact(doc, () => records.forEach((r) => Y.applyUpdate(doc, r.update)), origin, false);
  } finally {
    // One added meanwhile (by an observer of the load) stays beside those set aside.
    if (listeners) for (const listener of listeners) doc.on('update', listener as (...args: unknown[]) => void);
  }
}

/**
 * An opened local copy: its stored first screen and the log's last key (-1: empty) as read first,
 * and the log itself, read in a transaction of its own that may finish later.
 */
interface ReadCopy {
  db: IDBDatabase;
  screen: unknown;
  lastKey: number;
  records: Promise<unknown[]>;
}

/** Reads started before the app needed them, by database name; each is taken once. */
const prefetched = new Map<string, Promise<ReadCopy>>();
/** A read nobody took by then is closed: its database must not stay open (sign-out deletes it). */
const UNTAKEN_READ_CLOSES_AFTER_MS = 30_000;

/**
 * Starts opening and reading the local copy `name` now, for the {@link LocalDocStore} that loads it
 * later: the page calls this before the rest of its modules evaluate, so the browser reads the
 * copy from disk meanwhile instead of after (`early-copy.ts`).
 */
export function prefetchLocalDoc(name: string): void {
  if (typeof indexedDB === 'undefined' || prefetched.has(name)) return;
  const read = openAndRead(name);
  // Failures surface in the load that takes the read, as they would have without it.
  read.catch(() => undefined);
  prefetched.set(name, read);
  setTimeout(() => {
    if (prefetched.get(name) !== read) return;
    prefetched.delete(name);
    read.then(({ db }) => db.close(), () => undefined);
  }, UNTAKEN_READ_CLOSES_AFTER_MS);
}

function takePrefetched(name: string): Promise<ReadCopy> | undefined {
  const read = prefetched.get(name);
  prefetched.delete(name);
  return read;
}

async function openAndRead(name: string): Promise<ReadCopy> {
  const db = await openDatabase(name);
  // Until a store takes the database over: another tab deleting it (sign-out) is never blocked.
  db.onversionchange = () => db.close();
  try {
    // Two transactions, both started now: the small one (the screen, the last key) is answered
    // without waiting for the whole log (hundreds of KB) to be read and cloned.
    const head = db.transaction([UPDATES, META]);
    const records = request<unknown[]>(db.transaction(UPDATES).objectStore(UPDATES).getAll());
    // Awaited by whoever takes the read; one left untaken must not be an unhandled rejection.
    records.catch(() => undefined);
    const [last, screen] = await Promise.all([
      request<IDBCursor | null>(head.objectStore(UPDATES).openKeyCursor(null, 'prev')),
      request<unknown>(head.objectStore(META).get(SCREEN)),
    ]);
    return { db, screen, lastKey: typeof last?.key === 'number' ? last.key : -1, records };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Deletes the database `name`, resolving once it is gone (other tabs close theirs on `versionchange`). */
export function deleteLocalDoc(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error ?? new Error(`could not delete ${name}`));
  });
}

// A bare update (the first layout) is this person's own: counted as unsent until acknowledged.
function toStoredUpdate(record: unknown): StoredUpdate[] {
  if (record instanceof Uint8Array) return [{ update: record, remote: false }];
  const r = record as Partial<StoredUpdate> | null;
  return r?.update instanceof Uint8Array ? [{ update: r.update, remote: r.remote === true }] : [];
}

function toStoredScreen(value: unknown): StoredScreen | null {
  const v = value as Partial<StoredScreen> | null | undefined;
  return v?.update instanceof Uint8Array && typeof v.upTo === 'number' ? { update: v.update, upTo: v.upTo } : null;
}

function openDatabase(name: string): Promise<IDBDatabase> {
  const req = indexedDB.open(name, DB_VERSION);
  req.onupgradeneeded = () => {
    req.result.createObjectStore(UPDATES, { autoIncrement: true });
    req.result.createObjectStore(META);
  };
  return request(req);
}

function request<T>(req: IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}
