import type {
  Document,
  Extension,
  afterUnloadDocumentPayload,
  beforeSyncPayload,
  onChangePayload,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
} from '@hocuspocus/server';
import type * as Y from 'yjs';
import { migrateBudgetYDoc } from '../../shared/model/migrations.ts';
import { toDocumentHeadJson } from '../../shared/model/budget-ydoc.ts';
import { JixiaoError } from '../../shared/errors.ts';
import { SERVER_ORIGIN } from '../collab-context.ts';
import { applyStoredUpdates } from '../storage/apply-stored-updates.ts';
import { CLOSE_CODES } from '../../shared/limits.ts';
import { refuseConnection } from '../collab/refuse-connection.ts';
import { bindingsOf } from '../collab/pending-bindings.ts';
import type { DocStore, DocSummary, LogAuthor, StoredLog } from '../storage/doc-store.ts';
import type { DocWrites } from '../collab/doc-writes.ts';
import { bringsContent } from './update-gate-extension.ts';
import { changeAuthor, changeSuggester } from '../history/change-author.ts';

/** Context key of a server-side change that was stored before it was applied (see writeDurably). */
export const PRESTORED = 'prestored';

/** A stopping server's phases, in order: a phase only moves forward (PersistenceExtension). */
const Phase = {
  /** Quiet periods refresh the list fields; logs are folded when long and on the last close. */
  Serving: 0,
  /** Stopping: every store folds the log. */
  FoldingAll: 1,
  /** Past the folding time: stores write the list fields only, closes fold nothing. */
  NotFolding: 2,
  /** The store is about to close: documents closed now write nothing. */
  Closing: 3,
} as const;
type Phase = (typeof Phase)[keyof typeof Phase];

/**
 * Durability. Every update a client sends is appended to the LevelDB log and synced (fsync, group
 * commit) in `storeUpdate`, the last step of the update gate's `beforeSync` (UpdateGateExtension),
 * which Hocuspocus awaits before it applies, acknowledges and broadcasts
 * the update: what anyone has seen is on disk. Server-side API writes are stored before they are
 * applied (writeDurably); other server-side changes are appended from `onChange`. The debounced
 * store hook only compacts the log into the base state; if it fails, nothing is lost.
 */
export class PersistenceExtension implements Extension {
  priority = 100;
  private readonly store: DocStore;
  private readonly pending = new Set<Promise<unknown>>();
  /** How far a stop has got (phases only move forward): see the methods that set them. */
  private phase: Phase = Phase.Serving;
  /** The content writes under way per document, and the documents held still (writeDurably counts its writes here). */
  readonly writes: DocWrites;

  /** Runs on every document load with what was read, before anything else is appended (history recovery). */
  private readonly afterRead: ((documentName: string, log: StoredLog) => Promise<void>) | undefined;

  constructor(store: DocStore, writes: DocWrites, afterRead?: (documentName: string, log: StoredLog) => Promise<void>) {
    this.store = store;
    this.writes = writes;
    this.afterRead = afterRead;
  }

  async onLoadDocument({ document, documentName }: onLoadDocumentPayload): Promise<void> {
    const log = await this.store.loadLog(documentName);
    if (!log) throw new JixiaoError({ code: 'NOT_FOUND', zh: '文档不存在', en: 'No such document' });
    applyStoredUpdates(document, log.updates, SERVER_ORIGIN);
    await this.afterRead?.(documentName, log);
    const captured: Uint8Array[] = [];
    const capture = (u: Uint8Array) => captured.push(u);
    document.on('update', capture);
    migrateBudgetYDoc(document, SERVER_ORIGIN);
    document.off('update', capture);
    for (const u of captured) await this.store.append(documentName, u);
    // Hocuspocus queues every update of a loading document for broadcast; the first socket would
    // then receive the whole stored document twice (its SyncStep2, then this queue). Nobody is
    // connected to a document still loading, so the queue is dropped by sending it to no one.
    (document as Document).flush();
  }

  /** The last step of every incoming update (UpdateGateExtension): the synced append, awaited before Hocuspocus applies it. */
  storeUpdate(update: beforeSyncPayload): void | Promise<void> {
    // The socket guard (an earlier step) has refused read-only writes, oversized and malformed updates.
    if (!bringsContent(update)) return;
    const { payload, connection, documentName } = update;
    const refuse = () => refuseConnection(connection, CLOSE_CODES.STORAGE_FAILED, `could not store an update of ${documentName}; closed unacknowledged`);
    try {
      // The client-id bindings this update introduced share the append's synced batch.
      const bindings = bindingsOf(payload);
      const user = (connection.context as { user?: { sub: string } } | undefined)?.user;
      const appended = this.store.append(documentName, payload, user && { sub: user.sub });
      return (bindings ? Promise.all([appended, bindings]) : appended).then(() => undefined, refuse);
    } catch {
      refuse();
    }
  }

  async onChange({ transactionOrigin, update, documentName }: onChangePayload): Promise<void> {
    const origin = transactionOrigin as { source?: string; context?: Record<string, unknown> } | undefined;
    // Connections were stored in beforeSync; `redis` = another instance's change, stored there.
    if (origin?.source === 'connection' || origin?.source === 'redis' || origin?.context?.[PRESTORED]) return;
    this.track(this.store.append(documentName, update, authorOf(transactionOrigin)), 'failed to append a server-side update');
  }

  async onStoreDocument(payload: onStoreDocumentPayload): Promise<void> {
    const { document, documentName, clientsCount, instance } = payload;
    await this.flush();
    // The server is stopping: past its folding time only the list fields are written (the
    // content is stored), and nothing once the store is closing.
    if (this.phase === Phase.Closing) return;
    if (this.phase === Phase.NotFolding) return this.store.touch(documentName, summarize(document));
    // While people keep the document open, a quiet period refreshes the list fields only; the log
    // is folded once it is long, and when the last person leaves (or the server stops). A store
    // that comes while edits go on (Hocuspocus' maxDebounce: the last change is not a quiet
    // period old) leaves a long log for the next pause, unless it is very long.
    const busy = Date.now() - document.lastChangeTime < instance.configuration.debounce / 2;
    if (clientsCount > 0 && this.phase === Phase.Serving && !this.store.worthFolding(documentName, busy)) {
      // The pause must come: when this store ran at once for the burst's last change (maxDebounce
      // reached), Hocuspocus schedules no other. Scheduling the store again is what a change does;
      // the next change or the last person leaving replaces it, and the document stays loaded.
      if (busy && this.store.worthFolding(documentName)) void instance.storeDocumentHooks(document, payload);
      return this.store.touch(documentName, summarize(document));
    }
    if (!(await this.store.hasLog(documentName))) return;
    await this.store.compact(documentName, summarize(document));
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    // A quiet period while it was open may have left the log unfolded (see onStoreDocument).
    if (this.phase >= Phase.NotFolding || !this.store.hasUnfoldedLog(documentName)) return;
    this.track(this.store.compact(documentName), `failed to compact ${documentName} after it was closed`);
  }

  /** From now on every store folds the log (server shutdown: leave compact logs behind). */
  foldOnEveryStore(): void {
    this.advance(Phase.FoldingAll);
  }

  /**
   * From now on no store or close folds a log (a stopping server past its folding time): the logs
   * stay as they are, complete, and are folded when their documents next close. Folds already
   * under way finish; `flush()` waits for those started from a close.
   */
  stopFolding(): void {
    this.advance(Phase.NotFolding);
  }

  /** From now on a document's store or close writes nothing (the store is about to close). */
  stopWriting(): void {
    this.advance(Phase.Closing);
  }

  private advance(to: Phase): void {
    if (to > this.phase) this.phase = to;
  }

  /**
   * Whether document `name` can take `incoming` more bytes within `maxBytes`. The log repeats
   * what compaction folds away (every reconnect's catch-up carries the whole delete set), so when
   * the log is a good part of the total it is compacted first and the real size decides.
   */
  hasRoom(name: string, incoming: number, maxBytes: number): boolean | Promise<boolean> {
    // Answered at once unless a compaction has to decide (no promise on every update).
    if (this.store.byteSize(name) + incoming <= maxBytes) return true;
    if (this.store.logBytes(name) < maxBytes / 8) return false;
    return this.store.compact(name).then(() => this.store.byteSize(name) + incoming <= maxBytes);
  }

  /**
   * Stores a server-side update before it is applied anywhere; rejects with STORAGE_FAILED when
   * the store fails, and then nothing may be applied. The one write path of API changes.
   */
  async storeServerUpdate(documentName: string, update: Uint8Array, context?: Record<string, unknown>): Promise<void> {
    // Credited as the transaction that applies it will be (DirectConnection.transact's origin).
    await this.store.append(documentName, update, authorOf({ source: 'local', context }));
  }

  /** Resolves when every server-side append started so far is stored; rejects if one failed. */
  async flush(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  private track(p: Promise<unknown>, failure: string): void {
    this.pending.add(p);
    // Observed here so a failure is never unhandled; flush() reports it to its caller.
    p.catch((error: unknown) => console.error(`jixiao: ${failure}: ${String(error)}`)).finally(() => this.pending.delete(p));
  }
}

/** Whom the log credits a server-side change to: whom history credits its transaction to (change-author.ts). */
function authorOf(origin: unknown): LogAuthor {
  return { sub: changeAuthor(origin).sub, by: changeSuggester(origin)?.sub };
}

/** The list fields of a document as it is now (the head only: no project is read). */
function summarize(doc: Y.Doc): DocSummary {
  const { title, year, department } = toDocumentHeadJson(doc);
  return { title, year, department };
}
