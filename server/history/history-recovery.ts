import * as Y from 'yjs';
import { KeyedQueue } from '../keyed-queue.ts';
import { applyStoredUpdates } from '../storage/apply-stored-updates.ts';
import { parseLogKey, type LogAuthor, type StoredLog } from '../storage/doc-store.ts';
import type { HistoryStore } from '../storage/history-store.ts';
import { HistoryRecorder, UNRECORDED_ORIGIN } from './history-recorder.ts';
import { SYSTEM_AUTHOR } from './change-author.ts';

/** What recovery reads besides the log: the history written so far, and people's names. */
export interface RecoveryDeps {
  history: HistoryStore;
  /**
   * The newest log position this process appended to the document (DocStore durableSeq): its
   * live history records everything up to there, perhaps in a batch not yet written (a document
   * closed and opened again at once), so recovery never takes those for lost.
   */
  appendedSeq: (docId: string) => number | undefined;
  /** The display name of a person by token subject, or null if unknown (the sub is shown then). */
  nameOf: (sub: string) => Promise<string | null>;
}

/**
 * Records the history of the updates a document's log holds beyond its history mark: the ones a
 * killed server had synced, acknowledged and applied, but whose history was still waiting for its
 * batch (history is written in batches, the log before each acknowledgement). Run on every load,
 * before anything else is appended; costs nothing when the log is empty or fully recorded.
 *
 * The document is rebuilt in a scratch copy up to the mark, then each later update is applied as
 * its own change, credited to the verified author its log key names and dated by it, through the
 * same recorder that records live edits: the entries are the ones the lost batch would have held
 * (texts typed across several updates form one entry per person, as live). Updates whose key names
 * no author (a migration on load, keys from before authors were logged) change the copy and are
 * recorded by no one, as live. Resolves to the number of updates recorded.
 */
export async function recoverHistory(deps: RecoveryDeps, docId: string, log: StoredLog): Promise<number> {
  const mark = await unrecordedAfter(deps, docId, log.keys);
  if (mark === null) return 0;
  const base = log.updates.length > log.keys.length ? log.updates.slice(0, 1) : [];
  const entries = log.keys.map((key, i) => ({ ...parseLogKey(key), update: log.updates[base.length + i] as Uint8Array }));
  // The author of an update beyond the mark, whose history is owed; undefined for the others.
  const owedBy = (e: (typeof entries)[number]) => (e.seq > mark ? e.author : undefined);
  const first = entries.findIndex(owedBy);

  // Who made each update, looked up first: the replay below runs without a pause.
  const tail = entries.slice(first);
  const names = new Map<string, { sub: string; name: string }>();
  for (const e of tail) {
    const author = owedBy(e);
    for (const sub of author ? [author.sub, author.by] : []) {
      if (sub !== undefined && !names.has(sub)) names.set(sub, { sub, name: (await deps.nameOf(sub)) ?? (sub === SYSTEM_AUTHOR.sub ? SYSTEM_AUTHOR.name : sub) });
    }
  }
  const originOf = (author: LogAuthor) => {
    const user = names.get(author.sub);
    const suggestedBy = author.by ? names.get(author.by) : undefined;
    return { source: 'local', context: suggestedBy ? { user, suggestedBy } : { user } };
  };

  const scratch = new Y.Doc();
  applyStoredUpdates(scratch, [...base, ...entries.slice(0, first).map((e) => e.update)]);
  const last = entries.reduce((n, e) => Math.max(n, e.seq), mark);
  let at = 0;
  // The overview's last change is the last recovered one's, not the recovery's.
  const recorder = new HistoryRecorder(deps.history, { flushMs: 2 ** 31 - 1, coveredSeq: () => last, now: () => at });
  const tracked = recorder.track(docId, scratch, () => at);
  let recorded = 0;
  for (const entry of tail) {
    // As change-author.ts reads a server-side change: `context.user`, and `context.suggestedBy`.
    const author = owedBy(entry);
    const origin = author ? originOf(author) : UNRECORDED_ORIGIN;
    at = entry.at ?? at;
    try {
      Y.applyUpdate(scratch, entry.update, origin);
    } catch {
      // Skipped on load as well (applyStoredUpdates): it never took effect.
      continue;
    }
    tracked.resolveTexts();
    if (origin !== UNRECORDED_ORIGIN) recorded++;
  }
  tracked.detach();
  scratch.destroy();
  await recorder.flush();
  return recorded;
}

/**
 * The log position the document's history is complete up to, or null when no key of `keys` (its
 * log, in order) is an authored update beyond it: nothing to recover.
 */
async function unrecordedAfter(deps: RecoveryDeps, docId: string, keys: readonly string[]): Promise<number | null> {
  if (docId.endsWith('.review')) return null;
  const parsed = keys.map(parseLogKey);
  // Nothing authored in the log: no read of the mark (a cold open of a folded document costs nothing more).
  if (!parsed.some((k) => k.author)) return null;
  const mark = Math.max((await deps.history.mark(docId)) ?? 0, deps.appendedSeq(docId) ?? 0);
  return parsed.some((k) => k.author && k.seq > mark) ? mark : null;
}

/** What {@link HistoryRecovery} needs besides {@link RecoveryDeps}. */
export interface RecoverySources extends RecoveryDeps {
  /** A document's stored base and log, or null if there is no such document. */
  loadLog: (docId: string) => Promise<StoredLog | null>;
  /** The keys of a document's log, in order (no update is read). */
  logKeys: (docId: string) => Promise<string[]>;
  /** Whether the document is open or opening on this server (its load recovers it). */
  isOpen: (docId: string) => boolean;
}

/**
 * When history is recovered: on every load of a document, and before its history is read while
 * it is closed (a person may ask for a cell's history through the API without opening it).
 * Recoveries of one document run one at a time, each reading the mark the last one wrote, so an
 * update is never recorded twice; a closed document's log is read inside its turn, and while that
 * turn runs its load waits, so no live edit can be mistaken for one a crash left unrecorded.
 */
export class HistoryRecovery {
  private readonly sources: RecoverySources;
  private readonly queues = new KeyedQueue();

  constructor(sources: RecoverySources) {
    this.sources = sources;
  }

  /** Recovers a document being loaded, from the log its load read (PersistenceExtension). */
  afterLoad(docId: string, log: StoredLog): Promise<void> {
    return this.queues.run(docId, () => this.recover(docId, log));
  }

  /** Recovers a closed document before its history is read. */
  beforeRead(docId: string): Promise<void> {
    return this.queues.run(docId, async () => {
      if (this.sources.isOpen(docId)) return;
      try {
        // Keys first: the whole document is read only when there is something to recover.
        if ((await unrecordedAfter(this.sources, docId, await this.sources.logKeys(docId))) === null) return;
        const log = await this.sources.loadLog(docId);
        if (log) await this.recover(docId, log);
      } catch (error) {
        // The history read goes on with what is written.
        console.error(`jixiao: could not recover the history of ${docId}: ${String(error)}`);
      }
    });
  }

  private async recover(docId: string, log: StoredLog): Promise<void> {
    try {
      const recorded = await recoverHistory(this.sources, docId, log);
      if (recorded) console.warn(`jixiao: 已从日志补记 ${docId} 的 ${recorded} 条修改历史 / recorded the history of ${recorded} logged update(s) of ${docId} a stop had left unwritten`);
    } catch (error) {
      console.error(`jixiao: could not recover the history of ${docId}: ${String(error)}`);
    }
  }
}
