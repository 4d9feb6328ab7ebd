import { readToken } from '../auth/token-store.ts';
import { HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import * as Y from 'yjs';
import type { User } from '../api/api-schemas.ts';
import { parseAccessMessage } from '../../shared/review/access-message.ts';
import type { Grant } from '../../shared/access/grants.ts';
import { parseRefusalMessage } from '../../shared/access/refusal-message.ts';
import { toBudgetJson, type BudgetText } from '../../shared/model/index.ts';
import { AccessChangeEvent } from '../review/access-message.ts';
import type { CollabCursor } from './peer.ts';
import { ReviewConnection } from './review-connection.ts';
import { UndoHistory } from '../undo/undo-history.ts';
import { openOfflineCopy } from '../offline/open-offline-copy.ts';
import { PendingChangeEvent, type OfflineCopy } from '../offline/offline-copy.ts';
import { describeRefusal } from '../offline/refusal.ts';
import { isTokenRefusal } from '../offline/kept-edits.ts';
import { LocalStoreFailedEvent } from '../offline/local-doc-store.ts';
import { parseFirstScreenMessage } from '../../shared/sync/first-screen-message.ts';
import { MessageHold } from './message-hold.ts';
import { SessionProvider } from './session-provider.ts';

// Shown for this tab's own user when the server does not say which colour others see.
const FALLBACK_SELF_COLOR = '#b4232a';
// How long the socket's messages (or the browser copy) wait behind a first screen at most (ms) when nobody paints it.
const FIRST_SCREEN_HOLD_MS = 1_000;

/** Connection and save state of a {@link DocSession}. */
export interface SessionState {
  connection: 'connecting' | 'connected' | 'offline';
  /** True once the server's state has arrived since the current connection opened. */
  synced: boolean;
  /** True once the document has been synced at least once: before that the Y.Doc is empty. */
  loaded: boolean;
  /**
   * A large document's first screen (its fields, the narrative sections and the first project,
   * from the server on a first visit or from the browser copy) is in `DocSession.preview`, to show
   * read-only until the document itself has loaded and `loaded` turns true.
   */
  partial: boolean;
  /** This tab's edits the server has not acknowledged yet (not counting the handshake: `SessionProvider.unsyncedEdits`). */
  unsyncedChanges: number;
  /**
   * The server does not let this user change the content: `authorizedScope` was `readonly` at
   * connect, or the server said so since (its `access` message after a role or status change).
   */
  readonly: boolean;
  /** Why the server refused the token, or null. */
  authError: string | null;
  /** The user's role on the document as the server last said (null until it says). */
  role: string | null;
  /** The user's grant (null: everything the role allows) and whether money cells are reserved to money grants. */
  grant: Grant | null;
  moneyReserved: boolean;
  /** Changed cells and sections the server has not acknowledged (kept in this browser meanwhile). */
  pendingChanges: number;
  /** The content shown was read from this browser's copy, not (yet) from the server. */
  localCopy: boolean;
  /** Why the server last closed the socket refusing this person's edits, or null. */
  refusal: string | null;
  /** The browser refused to keep the copy (quota, storage cleared): offline edits would not survive a reload. */
  localError: boolean;
}

/**
 * Fired by a {@link DocSession} when the server refused an update outside the user's grants and
 * closed the connection: the session is spent (its Y.Doc holds the refused change), so its owner
 * opens a fresh one from the server's state. `local` is this tab's content as it was, refused
 * values included, so they can be shown and copied rather than lost.
 */
export class RefusedEvent extends Event {
  static readonly eventName = 'update-refused';
  readonly targets: readonly string[];
  readonly local: BudgetText;

  constructor(targets: readonly string[], local: BudgetText) {
    super(RefusedEvent.eventName);
    this.targets = targets;
    this.local = local;
  }
}

/** Event fired by a {@link DocSession} whenever its {@link SessionState} changes. */
export class SessionStateEvent extends Event {
  static readonly eventName = 'session-state';
  readonly state: SessionState;

  constructor(state: SessionState) {
    super(SessionStateEvent.eventName);
    this.state = state;
  }
}

/** Empties the socket's queue of messages waiting for a connection (private in Hocuspocus' provider). */
function dropQueuedMessages(socket: HocuspocusProviderWebsocket): void {
  const queued = socket as unknown as { messageQueue?: unknown[] };
  if (Array.isArray(queued.messageQueue)) queued.messageQueue = [];
}

/** Origin of every transaction this browser tab makes, so undo and observers can tell it apart. */
export class LocalOrigin {
  readonly docId: string;

  constructor(docId: string) {
    this.docId = docId;
  }
}

/**
 * One open document: a Y.Doc kept in sync with the server, plus this tab's awareness, and the
 * document's review (threads, suggestions, status) on the same WebSocket. Framework-free;
 * elements reach it through controllers. Call `destroy()` when done.
 */
export class DocSession extends EventTarget {
  readonly doc: Y.Doc;
  readonly origin: LocalOrigin;
  /** The WebSocket both documents share (`/collab/<docId>`). */
  readonly socket: HocuspocusProviderWebsocket;
  readonly provider: SessionProvider;
  /** The read-only review document `<docId>.review`. */
  readonly review: ReviewConnection;
  /** This tab's undo/redo: its own changes only, over the whole document. */
  readonly history: UndoHistory;
  /** This person's copy of the document in the browser (null where IndexedDB is missing). */
  readonly offline: OfflineCopy | null;
  #state: SessionState = {
    connection: 'connecting', synced: false, loaded: false, partial: false, unsyncedChanges: 0, readonly: false, authError: null, role: null, grant: null, moneyReserved: false,
    pendingChanges: 0, localCopy: false, refusal: null, localError: false,
  };
  /** Holds the socket's messages from a first screen until it is painted (`firstScreenShown`). */
  readonly #hold = new MessageHold();
  #preview: Y.Doc | null = null;
  /** Resolves the wait of a browser copy behind its first screen (`firstScreenShown`). */
  #shown: (() => void) | null = null;

  /**
   * Connects to document `docId`. `user` is the signed-in user: the server stamps it on what
   * others receive, but this tab never gets its own state back, so it is set locally too.
   */
  constructor(options: { wsBase: string; docId: string; token: string; user: User | null }) {
    super();
    this.doc = new Y.Doc();
    this.origin = new LocalOrigin(options.docId);
    this.history = new UndoHistory(this.doc, this.origin);
    // Connects once a known browser copy is loaded (#attach): a provider that joins a socket
    // between its opening and its first message is never opened, so both must be attached before.
    this.socket = new HocuspocusProviderWebsocket({
      url: `${options.wsBase}/collab/${encodeURIComponent(options.docId)}`,
      autoConnect: false,
      WebSocketPolyfill: this.#hold.webSocketClass(),
    });
    this.provider = new SessionProvider({
      websocketProvider: this.socket,
      name: options.docId,
      document: this.doc,
      // Read at every (re)connect: the token may have been refreshed since this page opened.
      token: () => readToken() ?? options.token,
      onStatus: ({ status }) => {
        // Updates queued while offline would reach the server before the handshake, as plain
        // updates: a document locked meanwhile then closes the socket (4405), and each one counts
        // against the rate limit. The handshake's SyncStep2 carries all of them anyway.
        if (status === WebSocketStatus.Connecting) dropQueuedMessages(this.socket);
        const connection = status === WebSocketStatus.Connected ? 'connected' : status === WebSocketStatus.Connecting ? 'connecting' : 'offline';
        // Going offline, the badge shows the count at once, with the edit typed just before.
        if (connection === 'offline') this.offline?.recount();
        this.#patch(connection === 'connected' ? { connection } : { connection, synced: false });
      },
      onSynced: ({ state }) => this.#patch(state ? { synced: true, loaded: true, partial: false, localCopy: false } : { synced: false }),
      onUnsyncedChanges: () => {
        this.#patch({ unsyncedChanges: this.provider.unsyncedEdits });
        // The edits count may stay 0 while the handshake is acknowledged: checked each time.
        this.#checkAcknowledged();
      },
      onAuthenticated: ({ scope }) => this.#patch({ readonly: scope === 'readonly', authError: null }),
      onClose: ({ event }) => this.#patch({ refusal: describeRefusal(event.code, event.reason) ?? this.#state.refusal }),
      onAuthenticationFailed: ({ reason }) => {
        this.#patch({ authError: reason || 'permission denied' });
        this.#forgetIfGone(reason);
        // Retrying with the same token would be refused again, forever.
        this.socket.disconnect();
      },
      onStateless: ({ payload }) => this.#onStateless(payload),
    });
    this.offline = openOfflineCopy(this.doc, options.docId, options.token, (origin) => origin === this.provider);
    this.review = new ReviewConnection({ socket: this.socket, docId: options.docId, token: () => readToken() ?? options.token });
    if (options.user) this.setLocalUser(options.user);
    // Last: on a first visit it connects at once, with both providers attached.
    void this.#attach();
  }

  /** The current connection and save state. */
  get state(): SessionState {
    return this.#state;
  }

  /** The awareness shared with everyone in the document. */
  get awareness(): NonNullable<SessionProvider['awareness']> {
    const awareness = this.provider.awareness;
    if (!awareness) throw new Error('DocSession always creates its provider with awareness');
    return awareness;
  }

  /** Shows `user` as this tab's user in its own presence list (others get it from the server). */
  setLocalUser(user: User): void {
    this.provider.setAwarenessField('user', { sub: user.sub, name: user.name, role: user.role, color: user.color ?? FALLBACK_SELF_COLOR });
  }

  /** Tells the others where this user is working; null when nowhere in particular. */
  setCursor(cursor: CollabCursor | null): void {
    this.provider.setAwarenessField('cursor', cursor);
  }

  /**
   * The first screen shown ahead of a large document's state (`state.partial`): a separate Y.Doc,
   * to show read-only and never to edit; null once the document has loaded.
   */
  get preview(): Y.Doc | null {
    return this.#preview;
  }

  /** The page painted the first screen: the rest of the document may come in now. */
  firstScreenShown(): void {
    this.#hold.release();
    this.#shown?.();
    this.#shown = null;
  }

  /** Closes the connection; the session cannot be used afterwards. */
  destroy(): void {
    this.firstScreenShown();
    this.offline?.destroy();
    this.history.destroy();
    this.review.destroy();
    this.provider.destroy();
    this.socket.destroy();
    this.doc.destroy();
  }

  // A stored copy goes into the doc before the provider joins: the first sync then sends the server
  // only what it lacks (SyncStep2), never the stored state as one update, which would carry
  // colleagues' client ids (refused, 4403) or be refused on a read-only connection (4405). Where
  // this browser never noted a copy, there is none to wait for: the provider connects at once while
  // IndexedDB creates the database (300–600 ms of a first visit), and the copy records meanwhile.
  async #attach(): Promise<void> {
    const offline = this.offline;
    offline?.addEventListener(PendingChangeEvent.eventName, () => this.#patch({ pendingChanges: this.offline?.count ?? 0 }));
    offline?.store.addEventListener(LocalStoreFailedEvent.eventName, () => this.#patch({ localError: true }));
    const connectFirst = !offline?.known;
    if (connectFirst) {
      offline?.record();
      this.#connect();
    }
    // A copy loaded before connecting paints its stored first screen before it decodes.
    const had = await offline?.load(connectFirst ? undefined : (screen) => this.#showStoredScreen(screen)).catch(() => {
      this.#patch({ localError: true });
      return false;
    });
    if (this.doc.isDestroyed) return;
    if (had && !this.#state.loaded) this.#patch({ loaded: true, partial: false, localCopy: true, pendingChanges: offline?.count ?? 0 });
    // A copy found though never noted (localStorage cleared or full) came after the handshake
    // began: a fresh one sends the server whatever of it the server lacks.
    if (had && connectFirst && this.#state.connection === 'connected') this.provider.forceSync();
    if (!connectFirst) this.#connect();
  }

  #connect(): void {
    // A provider given a shared socket does not join it by itself (Hocuspocus v4).
    this.provider.attach();
    void this.socket.connect();
  }

  // A document deleted or no longer shared with this person leaves no copy behind, unless it
  // holds edits nobody else has: those stay until the person exported or discarded them.
  #forgetIfGone(reason: string): void {
    if (isTokenRefusal(reason)) return;
    if (this.offline && this.offline.count === 0) void this.offline.discard().catch(() => undefined);
  }

  // Saved means the server holds everything this doc holds: connected, synced, nothing unacknowledged.
  #checkAcknowledged(): void {
    const s = this.#state;
    if (s.connection !== 'connected' || !s.synced || this.provider.unsyncedChanges !== 0) return;
    this.offline?.markAcknowledged();
    // The server took everything since: an earlier refusal no longer holds anything back.
    if (s.refusal !== null) this.#patch({ refusal: null });
  }

  // The server locks or unlocks this connection when the user's role or the status changed:
  // follow at once, so nobody types into a document that would refuse (and drop) the edit.
  #onStateless(payload: string): void {
    const firstScreen = parseFirstScreenMessage(payload);
    if (firstScreen) return this.#showFirstScreen(firstScreen);
    const refusal = parseRefusalMessage(payload);
    if (refusal) {
      // Reconnecting would resend the refused change and be refused again, forever.
      this.socket.disconnect();
      const local = toBudgetJson(this.doc);
      // The browser copy holds the refused change too: kept, the next session would resend it.
      // The refused values live on in the refusal panel (`local`).
      const forgotten = this.offline ? this.offline.discard().catch(() => undefined) : Promise.resolve();
      void forgotten.then(() => this.dispatchEvent(new RefusedEvent(refusal.targets, local)));
      return;
    }
    const access = parseAccessMessage(payload);
    if (!access) return;
    this.#patch({ readonly: access.readOnly, role: access.role, grant: access.grant ?? null, moneyReserved: access.moneyReserved ?? false });
    this.dispatchEvent(new AccessChangeEvent(access));
  }

  // Only while nothing is shown yet: afterwards the sync brings everything anyway. The socket's
  // next messages (the document's state) wait until the page painted it, or a second at most.
  #showFirstScreen(update: Uint8Array): void {
    if (this.#showPreview(update)) this.#hold.hold(FIRST_SCREEN_HOLD_MS);
  }

  // The copy's own first screen: the copy waits until the page painted it, or a second at most.
  #showStoredScreen(update: Uint8Array): Promise<void> {
    if (!this.#showPreview(update)) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.firstScreenShown(), FIRST_SCREEN_HOLD_MS);
      this.#shown = () => (clearTimeout(timer), resolve());
    });
  }

  /** Shows `update` as the first screen (state `partial`) unless something is shown already; false if not shown. */
  #showPreview(update: Uint8Array): boolean {
    if (this.#state.loaded || this.#state.partial) return false;
    const preview = new Y.Doc();
    try {
      Y.applyUpdate(preview, update);
    } catch {
      return false;
    }
    this.#preview = preview;
    this.#patch({ partial: true });
    return true;
  }

  #patch(change: Partial<SessionState>): void {
    const next = { ...this.#state, ...change };
    if ((Object.keys(change) as Array<keyof SessionState>).every((k) => this.#state[k] === next[k])) return;
    // The document itself is there (from the server or the copy): the first screen is done with.
    if (next.loaded) this.#preview = null;
    this.#state = next;
    this.dispatchEvent(new SessionStateEvent(next));
    if (change.synced) this.#checkAcknowledged();
  }
}
