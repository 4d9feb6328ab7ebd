import * as Y from 'yjs';
import { INDICATOR_FIELDS, OVERVIEW_SECTIONS } from '../../shared/model/budget-text-schema.ts';
import { PROJECT_FIELD_SPECS, projectFieldOfKey } from '../../shared/model/index.ts';
import { overviewText, projectText, projectsMap } from '../../shared/model/ydoc-layout.ts';
import type { HistoryBatch, HistoryEntry, HistoryStore, HistoryTarget } from '../storage/history-store.ts';
import { SYSTEM_AUTHOR, changeAuthor, changeSuggester } from './change-author.ts';

/** The history field name of a last-writer-wins header key of a project entry (`total` → `budget.total`); null for texts and other keys. */
function scalarHeaderField(key: string): string | null {
  const field = projectFieldOfKey(key);
  return field && PROJECT_FIELD_SPECS[field].kind !== 'text' ? field : null;
}
const CELL_FIELDS = new Set<string>(INDICATOR_FIELDS);
/** Typing in a text within this window by the same person extends one history entry. */
const TEXT_COALESCE_MS = 60_000;
/** History writes are gathered this long into one batch, unless the recorder is told otherwise. */
const FLUSH_MS = 250;

type Value = string | number | null;

/** The origin of a change applied for its effect only, recorded by no one (history recovery replays such changes). */
export const UNRECORDED_ORIGIN = { source: 'unrecorded' } as const;
/** A change this instance does not record: another instance's, relayed through Redis (recorded there), or one no one records. */
const recordedElsewhere = (origin: unknown) => {
  const source = (origin as { source?: string } | null)?.source;
  return source === 'redis' || source === 'unrecorded';
};
/** Resolves at the start of a later turn of the event loop (see {@link HistoryRecorder.flush}). */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** How a recorder batches and marks what it writes. */
export interface RecorderOptions {
  /** How long writes are gathered into one batch (default 250 ms). */
  flushMs?: number;
  /**
   * The log position a document's history is complete up to when a batch is written (DocStore
   * durableSeq), stored with the batch as its mark; undefined: no marks are kept.
   */
  coveredSeq?: (docId: string) => number | undefined;
  /** The time a batch is written at, as `Date.now()` (the overview's last change; recovery dates it by the log). */
  now?: () => number;
}

/** A document being recorded: how to stop, and how to turn its touched texts into entries now. */
interface Tracked {
  detach: () => void;
  resolveTexts: () => void;
}
type Item = { target: HistoryTarget; entry: HistoryEntry; key?: string };
/**
 * A change as recorded on the edit path: its time as a number, turned into the entry's ISO
 * string when the batch is written (see {@link HistoryRecorder}).
 */
type Noted = { target: HistoryTarget; at: number; user: HistoryEntry['user']; before: Value; after: Value; overwritten?: true; by?: HistoryEntry['suggestedBy'] };

/**
 * Records who set which value of which cell, as changes arrive at the server. Attach once per
 * loaded document; the returned function detaches. Writes run in the background; `flush()` waits.
 */
export class HistoryRecorder {
  private readonly store: HistoryStore;
  private readonly pending = new Set<Promise<unknown>>();
  private readonly queued = new Map<string, Array<Item | Noted>>();
  /**
   * Per document with texts touched since the last flush: turns them into history items. Only
   * touched documents are listed, so a flush costs what changed, not what is open.
   */
  private readonly resolvers = new Set<DocRecording>();
  private timer: NodeJS.Timeout | undefined;
  private readonly flushMs: number;
  private readonly coveredSeq: ((docId: string) => number | undefined) | undefined;
  private readonly now: () => number;
  /** Documents changed since the last batch without a history entry (a row moved): their mark still moves on. */
  private readonly markDue = new Set<string>();

  constructor(store: HistoryStore, options: RecorderOptions = {}) {
    this.store = store;
    this.flushMs = options.flushMs ?? FLUSH_MS;
    this.coveredSeq = options.coveredSeq;
    this.now = options.now ?? Date.now;
  }

  /** Starts recording changes of `doc` (document id `docId`); the returned function detaches. */
  attach(docId: string, doc: Y.Doc): () => void {
    return this.track(docId, doc).detach;
  }

  /**
   * {@link attach}, with the time each change is recorded at read from `clock` and a way to turn
   * the texts touched so far into entries at once (a replay records one update at a time).
   */
  track(docId: string, doc: Y.Doc, clock: () => number = Date.now): Tracked {
    const recording = new DocRecording(this, docId, doc, clock);
    recordings.set(doc, recording);
    doc.on('afterTransaction', onAnyTransaction);
    const detach = () => {
      recording.resolveTexts();
      this.resolvers.delete(recording);
      // A recording that replaced this one keeps the listener.
      if (recordings.get(doc) !== recording) return;
      recordings.delete(doc);
      doc.off('afterTransaction', onAnyTransaction);
    };
    return { detach, resolveTexts: () => recording.resolveTexts() };
  }

  /** A new key for an entry (the store's). */
  newKey(docId: string, target: HistoryTarget, at: string): string {
    return this.store.newKey(docId, target, at);
  }

  /**
   * Notes that document `docId` changed without a history entry so far: with marks kept, the next
   * batch moves its mark on anyway, so a recovery never replays what brought nothing.
   */
  changedWithoutEntry(docId: string): void {
    if (!this.coveredSeq) return;
    this.markDue.add(docId);
    this.schedule();
  }

  /** Lists `recording` to have its touched texts turned into entries at the next batch. */
  touched(recording: DocRecording): void {
    this.resolvers.add(recording);
    this.schedule();
  }

  /**
   * Writes everything recorded so far and resolves when it is stored. It starts in a later turn
   * of the event loop: an update whose append has been synced is applied in the same turn (a
   * chain of promises), so by then every update up to a batch's mark has been recorded.
   */
  async flush(): Promise<void> {
    await nextTurn();
    await this.drain();
    await Promise.allSettled([...this.pending]);
  }

  /**
   * Hands everything recorded so far to the store (in a later turn, as {@link flush}), without
   * waiting for it to be written: what a compaction needs before it reads the log (the entries
   * then ride ahead of the fold).
   */
  async handOver(): Promise<void> {
    await nextTurn();
    void this.drain();
  }

  /** Queues `items` of document `docId` for the next batch. */
  write(docId: string, items: Array<Item | Noted>): void {
    if (!items.length) return;
    const queue = this.queued.get(docId) ?? [];
    queue.push(...items);
    this.queued.set(docId, queue);
    this.schedule();
  }

  private schedule(): void {
    // One batch per flush window, not one per keystroke.
    // Unreferenced: a batch waiting is no reason to keep a stopping process alive (a stop flushes).
    this.timer ??= setTimeout(() => void this.drain(), this.flushMs).unref();
  }

  private drain(): Promise<void> {
    const resolvers = [...this.resolvers];
    this.resolvers.clear();
    for (const recording of resolvers) recording.resolveTexts();
    // Whatever timer is set (this batch's, or one the texts just resolved would start) is this batch.
    clearTimeout(this.timer);
    this.timer = undefined;
    // A timer's callback starts a turn of the event loop, as flush() does: the marks are complete.
    const batches = [...this.queued].map(([docId, queue]): HistoryBatch => [docId, queue.map(itemOf), this.coveredSeq?.(docId)]);
    for (const docId of this.markDue) if (!this.queued.has(docId)) batches.push([docId, [], this.coveredSeq?.(docId)]);
    this.markDue.clear();
    this.queued.clear();
    // Every document's entries of this window in one batch: one write, not one per document.
    const p = (batches.length ? this.store.putMany(batches, new Date(this.now())) : Promise.resolve())
      .catch((error: unknown) => console.error('jixiao: failed to record history', error));
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p));
    return p;
  }
}

/** The entry of a change noted on the edit path. */
function itemOf(noted: Item | Noted): Item {
  if ('entry' in noted) return noted;
  const entry: HistoryEntry = { at: new Date(noted.at).toISOString(), user: noted.user, before: noted.before, after: noted.after };
  if (noted.overwritten) entry.overwritten = true;
  if (noted.by) entry.suggestedBy = noted.by;
  return { target: noted.target, entry };
}

/** The history target of key `field` of `map` under `root` (the projects map): a project header field or an indicator cell. */
function placeOf(root: unknown, map: Y.Map<unknown>, field: string): HistoryTarget | null {
  const item = map._item;
  if (!item) return null;
  if (item.parent === root) {
    const header = scalarHeaderField(field);
    return item.parentSub && header ? { project: item.parentSub, field: header } : null;
  }
  if (!CELL_FIELDS.has(field)) return null;
  // A row: projects → project → indicators → row.
  const rows = (item.parent as Y.AbstractType<unknown>)._item;
  const project = rows?.parentSub === 'indicators' ? (rows.parent as Y.AbstractType<unknown>)._item : null;
  if (!project || project.parent !== root || !item.parentSub || !project.parentSub) return null;
  return { project: project.parentSub, indicator: item.parentSub, field };
}

/** The recording of each attached document, found by the one listener every document shares. */
const recordings = new WeakMap<Y.Doc, DocRecording>();

/**
 * The `afterTransaction` listener of every recorded document. One function and one class for all
 * documents: V8 keeps what it learnt about running them (feedback, optimised code) per closure, so
 * closures made per document would start cold in every newly opened document (issue 15).
 */
function onAnyTransaction(txn: Y.Transaction): void {
  recordings.get(txn.doc)?.note(txn);
}

/** What the recorder keeps of one document: its texts' last values, open text entries, touched texts. */
class DocRecording {
  private readonly recorder: HistoryRecorder;
  private readonly docId: string;
  private readonly doc: Y.Doc;
  private readonly clock: () => number;
  private readonly root: ReturnType<typeof projectsMap>;
  private readonly sections: Map<Y.Text, string>;
  private readonly texts = new Map<Y.Text, string>();
  private readonly open = new Map<string, { key: string; entry: HistoryEntry; last: number }>();
  // Reading a text is O(its length): done once per text per flush window, not once per
  // keystroke, so a burst of n one-character updates costs O(n), not O(n²).
  private readonly touched = new Map<Y.Text, { target: HistoryTarget; origin: unknown; at: number; by?: HistoryEntry['suggestedBy'] }>();

  constructor(recorder: HistoryRecorder, docId: string, doc: Y.Doc, clock: () => number) {
    this.recorder = recorder;
    this.docId = docId;
    this.doc = doc;
    this.clock = clock;
    this.root = projectsMap(doc);
    this.sections = new Map<Y.Text, string>(OVERVIEW_SECTIONS.map((s) => [overviewText(doc, s), s]));
    for (const text of this.sections.keys()) this.remember(text);
    this.root.forEach((p) => (this.remember(projectText(p, 'purpose')), this.remember(projectText(p, 'goal'))));
  }

  private remember(t: Y.Text): void {
    this.texts.set(t, t.toString());
  }

  /** Turns the texts touched since the last call into history items. */
  resolveTexts(): void {
    const items: Item[] = [];
    for (const [text, t] of this.touched) {
      const item = this.textItem(text, t.target, t.origin, t.at);
      if (item && t.by) item.entry.suggestedBy = t.by;
      if (item) items.push(item);
    }
    this.touched.clear();
    this.recorder.write(this.docId, items);
  }

  private textItem(text: Y.Text, target: HistoryTarget, origin: unknown, at: number): Item | null {
    const before = this.texts.get(text) ?? '';
    const after = text.toString();
    this.texts.set(text, after);
    if (before === after) return null;
    const user = changeAuthor(origin);
    const k = `${JSON.stringify(target)}|${user.sub}`;
    const prev = this.open.get(k);
    const now = this.clock();
    if (prev && now - prev.last < TEXT_COALESCE_MS) {
      prev.entry = { ...prev.entry, after };
      prev.last = now;
      return { target, entry: prev.entry, key: prev.key };
    }
    const entry: HistoryEntry = { at: new Date(at).toISOString(), user, before, after };
    const key = this.recorder.newKey(this.docId, target, entry.at);
    this.open.set(k, { key, entry, last: now });
    return { target, entry, key };
  }

  /** The history target of a text of the budget text: a narrative section or a text field of a project. */
  private textTarget(text: Y.Text): HistoryTarget | null {
    const section = this.sections.get(text);
    if (section) return { section };
    const project = text._item?.parent as Y.AbstractType<unknown> | undefined;
    const field = text._item?.parentSub;
    const projectId = project?._item?.parentSub;
    return field && projectId && project._item?.parent === this.root ? { project: projectId, field } : null;
  }

  /**
   * One pass over what a transaction changed, in afterTransaction: it runs before Yjs
   * garbage-collects deleted content, so a replaced or lost value is still readable there.
   * Cells and header fields are read from the keys the transaction changed (Yjs lists each
   * changed map that existed before, with its keys; a map added whole is read through its
   * parent's key), values lost on arrival from the new structs it deleted, texts from the types
   * it changed. No Yjs events are built for this, and nothing is read per writer of the
   * document: a transaction costs what it changed (issue 15).
   */
  note(txn: Y.Transaction): void {
    const { root, clock } = this;
    const remote = recordedElsewhere(txn.origin);
    // When and by whom, read once per transaction and only if it records something. The time
    // stays a number until the batch is written: on the edit path every extra builtin counts.
    let head: { at: number; user: HistoryEntry['user']; by: HistoryEntry['suggestedBy'] } | undefined;
    const headOf = () =>
      (head ??= {
        at: clock(),
        user: remote ? SYSTEM_AUTHOR : changeAuthor(txn.origin),
        by: remote ? undefined : changeSuggester(txn.origin),
      });
    const isNew = (id: Y.ID) => id.clock >= (txn.beforeState.get(id.client) ?? 0);
    const items: Noted[] = [];
    /** The value now under `key` of `parent`, if this transaction set it. */
    const readSet = (parent: Y.Map<unknown>, key: string, item: Y.Item | undefined): void => {
      if (!item || item.deleted || !isNew(item.id)) return;
      if (item.content instanceof Y.ContentType) {
        const type = item.content.type;
        // A project added whole: its texts start from what it brought (no history entry for them).
        if (parent === root) for (const text of (type as Y.Map<unknown>).values()) if (text instanceof Y.Text) this.remember(text);
        // A row or project added whole: the values it brings are history.
        if (!remote && type instanceof Y.Map) for (const [k, child] of type._map) readSet(type, k, child);
        return;
      }
      if (remote || !(item.content instanceof Y.ContentAny) || parent._item?.deleted) return;
      const target = placeOf(root, parent, key);
      if (!target) return;
      const value = (item.content.arr.at(-1) ?? null) as Value;
      // The value it replaced: the newest older value of the key, if this transaction deleted it.
      let prev = item.left;
      while (prev && isNew(prev.id)) prev = prev.left;
      const replaced = prev && Y.isDeleted(txn.deleteSet, prev.id) && prev.content instanceof Y.ContentAny ? prev.content.arr.at(-1) : undefined;
      const before = (replaced ?? null) as Value;
      if (before === value) return;
      // Of a row or project added whole, only the values it brings.
      if (parent._item !== null && isNew(parent._item.id) && !value) return;
      const { at, user, by } = headOf();
      items.push(by ? { target, at, user, before, after: value, by } : { target, at, user, before, after: value });
    };
    /**
     * A new value deleted in the transaction that brought it: lost on arrival to a concurrent
     * write of the same cell (Yjs keeps one winner per key and deletes the loser at once, so no
     * change event ever shows it). A value its own author replaced in the same update is not a loss.
     */
    const readLoss = (struct: Y.Item | Y.GC): void => {
      if (!(struct instanceof Y.Item) || struct.parentSub === null || !(struct.content instanceof Y.ContentAny)) return;
      const parent = struct.parent;
      if (!(parent instanceof Y.Map) || parent._item?.deleted) return;
      if (!struct.right || struct.right.id.client === struct.id.client) return;
      const target = placeOf(root, parent, struct.parentSub);
      if (!target) return;
      const { at, user } = headOf();
      const current = (parent.get(struct.parentSub) ?? null) as Value;
      items.push({ target, at, user, before: current, after: (struct.content.arr.at(-1) ?? null) as Value, overwritten: true });
    };
    for (const [type, keys] of txn.changed) {
      if (type instanceof Y.Map) {
        for (const key of keys) if (key !== null) readSet(type, key, type._map.get(key));
        continue;
      }
      if (!(type instanceof Y.Text)) continue;
      const target = this.textTarget(type);
      if (!target) continue;
      // Recorded by the instance it arrived at; here only the text's last value is kept.
      if (remote) this.remember(type);
      else {
        const { at, by } = headOf();
        this.touched.set(type, { target, origin: txn.origin, at, ...(by ? { by } : {}) });
        this.recorder.touched(this);
      }
    }
    if (!remote) {
      for (const [client, deletes] of txn.deleteSet.clients) {
        const start = txn.beforeState.get(client) ?? 0;
        const structs = this.doc.store.clients.get(client);
        if (!structs) continue;
        for (const { clock: from, len } of deletes) {
          if (from + len <= start) continue;
          for (let i = Y.findIndexSS(structs, Math.max(from, start)); i < structs.length && structs[i]!.id.clock < from + len; i++) readLoss(structs[i]!);
        }
      }
    }
    if (items.length) this.recorder.write(this.docId, items);
    else if (!remote) this.recorder.changedWithoutEntry(this.docId);
  }
}
