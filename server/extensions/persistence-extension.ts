import type {
  Connection,
  Extension,
  beforeSyncPayload,
  onChangePayload,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
} from '@hocuspocus/server';
import type * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { migrateBudgetYDoc } from '../../shared/model/migrations.ts';
import { toBudgetJson } from '../../shared/model/budget-ydoc.ts';
import { JixiaoError } from '../../shared/errors.ts';
import { SERVER_ORIGIN } from '../collab-context.ts';
import { applyStoredUpdates, isDecodableUpdate } from '../storage/apply-stored-updates.ts';
import type { DocStore, DocSummary } from '../storage/doc-store.ts';

/** Largest single Yjs update accepted from a client (a 1,500-row paste is far below this). */
export const MAX_UPDATE_BYTES = 4 * 1024 * 1024;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

/**
 * Durability. Every update a client sends is appended to the LevelDB log in `beforeSync`, which
 * Hocuspocus awaits before it applies and acknowledges the update, so a SIGKILL never loses an
 * acknowledged edit. Server-side changes are appended from `onChange`. The debounced store hook
 * only compacts the log into the base state; if it fails, nothing is lost.
 */
export class PersistenceExtension implements Extension {
  priority = 100;
  private readonly store: DocStore;
  private readonly pending = new Set<Promise<unknown>>();

  constructor(store: DocStore) {
    this.store = store;
  }

  async onLoadDocument({ document, documentName }: onLoadDocumentPayload): Promise<void> {
    const updates = await this.store.loadUpdates(documentName);
    if (!updates) throw new JixiaoError({ code: 'NOT_FOUND', zh: '文档不存在', en: 'No such document' });
    applyStoredUpdates(document, updates, SERVER_ORIGIN);
    const captured: Uint8Array[] = [];
    const capture = (u: Uint8Array) => captured.push(u);
    document.on('update', capture);
    migrateBudgetYDoc(document, SERVER_ORIGIN);
    document.off('update', capture);
    for (const u of captured) await this.store.append(documentName, u);
  }

  async beforeSync({ type, payload, connection, documentName }: beforeSyncPayload): Promise<void> {
    if (type !== SYNC_STEP2 && type !== SYNC_UPDATE) return;
    if (connection.readOnly) {
      // A read-only client's UI never sends an update; one that does is hostile or broken.
      // Closing the connection spares the CPU Hocuspocus would spend checking it against a snapshot.
      if (type === SYNC_UPDATE && payload.length > 2) throw new Error('read-only connection sent an update');
      return;
    }
    // An empty update (no structs, no deletions) is two zero bytes: nothing to keep.
    if (payload.length <= 2) return;
    if (payload.length > MAX_UPDATE_BYTES) throw new Error('update too large');
    // Truncated or bomb-shaped updates never reach the log (throwing closes the connection).
    if (!isDecodableUpdate(payload)) throw new Error('malformed update');
    // The append starts now, in arrival order, but is not awaited here: the update is applied and
    // broadcast at once (so a burst merges into few broadcasts), while the acknowledgement to its
    // sender waits for the append (holdAcknowledgements). What is acknowledged is on disk.
    const appended = this.store.append(documentName, payload);
    holdAcknowledgements(connection).gate = appended;
    appended.catch((error: unknown) => {
      console.error(`jixiao: could not store an update of ${documentName}; closing the connection unacknowledged`, error);
      connection.close({ code: 4500, reason: 'storage failed' });
    });
  }

  async onChange({ transactionOrigin, update, documentName }: onChangePayload): Promise<void> {
    const origin = transactionOrigin as { source?: string } | undefined;
    if (origin?.source === 'connection') return;
    this.track(this.store.append(documentName, update));
  }

  async onStoreDocument({ document, documentName }: onStoreDocumentPayload): Promise<void> {
    await this.flush();
    if ((await this.store.pendingCount(documentName)) === 0) return;
    await this.store.compact(documentName, summarize(document));
  }

  /** Resolves when every server-side append started so far has finished (or failed loudly). */
  async flush(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }

  private track(p: Promise<unknown>): void {
    const tracked = p.catch((error: unknown) => {
      console.error('jixiao: failed to append a server-side update', error);
    });
    this.pending.add(tracked);
    void tracked.finally(() => this.pending.delete(tracked));
  }
}

/** The list fields of a document as it is now. */
function summarize(doc: Y.Doc): DocSummary {
  const json = toBudgetJson(doc);
  return { title: json.title, year: json.year, department: json.department };
}

const SYNC_STATUS = 8;
const gates = new WeakMap<Connection, { gate: Promise<unknown> }>();

/**
 * Makes a connection send its SyncStatus acknowledgements only after the latest update append
 * started before them has finished (appends of a document are written in order, so that covers
 * every earlier one too). Other messages go out at once.
 */
function holdAcknowledgements(connection: Connection): { gate: Promise<unknown> } {
  const existing = gates.get(connection);
  if (existing) return existing;
  const state = { gate: Promise.resolve() as Promise<unknown> };
  gates.set(connection, state);
  const send = connection.send.bind(connection);
  let released = Promise.resolve();
  connection.send = (message: Uint8Array) => {
    if (!isSyncStatus(message)) return send(message);
    const gate = state.gate;
    // Chained, so acknowledgements leave in the order Hocuspocus produced them.
    released = released.then(() => gate).then(
      () => send(message),
      () => undefined,
    );
  };
  return state;
}

function isSyncStatus(message: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder);
    return decoding.readVarUint(decoder) === SYNC_STATUS;
  } catch {
    return false;
  }
}
