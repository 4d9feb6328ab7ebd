import * as Y from 'yjs';
import { INDICATOR_FIELDS, OVERVIEW_SECTIONS } from '../../shared/model/budget-text-schema.ts';
import { PROJECT_FIELD_SPECS, projectFieldOfKey } from '../../shared/model/index.ts';
import { indicatorsOf, overviewText, projectText, projectsMap } from '../../shared/model/ydoc-layout.ts';
import type { HistoryEntry, HistoryStore, HistoryTarget } from '../storage/history-store.ts';
import { SYSTEM_AUTHOR, changeAuthor, changeSuggester } from './change-author.ts';

/** The history field name of a last-writer-wins header key of a project entry (`total` → `budget.total`); null for texts and other keys. */
function scalarHeaderField(key: string): string | null {
  const field = projectFieldOfKey(key);
  return field && PROJECT_FIELD_SPECS[field].kind !== 'text' ? field : null;
}
const CELL_FIELDS = new Set<string>(INDICATOR_FIELDS);
/** Typing in a text within this window by the same person extends one history entry. */
const TEXT_COALESCE_MS = 60_000;
/** History writes are gathered this long into one batch. */
const FLUSH_MS = 50;

type Value = string | number | null;

/** A change another instance received and recorded, relayed here through Redis. */
const fromOtherInstance = (origin: unknown) => (origin as { source?: string } | null)?.source === 'redis';
type Item = { target: HistoryTarget; entry: HistoryEntry; key?: string };

/**
 * Records who set which value of which cell, as changes arrive at the server. Attach once per
 * loaded document; the returned function detaches. Writes run in the background; `flush()` waits.
 */
export class HistoryRecorder {
  private readonly store: HistoryStore;
  private readonly pending = new Set<Promise<unknown>>();
  private readonly queued = new Map<string, Item[]>();
  /**
   * Per document with texts touched since the last flush: turns them into history items. Only
   * touched documents are listed, so a flush costs what changed, not what is open.
   */
  private readonly resolvers = new Set<() => void>();
  private timer: NodeJS.Timeout | undefined;

  constructor(store: HistoryStore) {
    this.store = store;
  }

  /** Starts recording changes of `doc` (document id `docId`). */
  attach(docId: string, doc: Y.Doc): () => void {
    const texts = new Map<Y.Text, string>();
    const open = new Map<string, { key: string; entry: HistoryEntry; last: number }>();
    const remember = (t: Y.Text) => texts.set(t, t.toString());
    for (const s of OVERVIEW_SECTIONS) remember(overviewText(doc, s));
    projectsMap(doc).forEach((p) => (remember(projectText(p, 'purpose')), remember(projectText(p, 'goal'))));

    const textItem = (text: Y.Text, target: HistoryTarget, origin: unknown, at: string): Item | null => {
      const before = texts.get(text) ?? '';
      const after = text.toString();
      texts.set(text, after);
      if (before === after) return null;
      const user = changeAuthor(origin);
      const k = `${JSON.stringify(target)}|${user.sub}`;
      const prev = open.get(k);
      if (prev && Date.now() - prev.last < TEXT_COALESCE_MS) {
        prev.entry = { ...prev.entry, after };
        prev.last = Date.now();
        return { target, entry: prev.entry, key: prev.key };
      }
      const entry: HistoryEntry = { at, user, before, after };
      const key = this.store.newKey(docId, target, at);
      open.set(k, { key, entry, last: Date.now() });
      return { target, entry, key };
    };
    // Reading a text is O(its length): done once per text per flush window, not once per
    // keystroke, so a burst of n one-character updates costs O(n), not O(n²).
    const touched = new Map<Y.Text, { target: HistoryTarget; origin: unknown; at: string; by?: HistoryEntry['suggestedBy'] }>();
    const touchText = (text: Y.Text, target: HistoryTarget, origin: unknown, at: string): Item | null => {
      const by = changeSuggester(origin);
      touched.set(text, { target, origin, at, ...(by ? { by } : {}) });
      this.resolvers.add(resolveTexts);
      this.schedule();
      return null;
    };
    const resolveTexts = () => {
      const items: Item[] = [];
      for (const [text, t] of touched) {
        const item = textItem(text, t.target, t.origin, t.at);
        if (item && t.by) item.entry.suggestedBy = t.by;
        if (item) items.push(item);
      }
      touched.clear();
      this.write(docId, items);
    };

    const onProjects = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>, txn: Y.Transaction) => {
      const at = new Date().toISOString();
      if (fromOtherInstance(txn.origin)) {
        // Recorded by the instance it arrived at; here only the texts' last values are kept.
        for (const e of events) describe(e, SYSTEM_AUTHOR, at, (t) => (remember(t), null), remember);
        return;
      }
      const user = changeAuthor(txn.origin);
      const by = changeSuggester(txn.origin);
      const items: Item[] = [];
      for (const e of events) items.push(...describe(e, user, at, (t, target) => touchText(t, target, txn.origin, at), remember));
      if (by) items.forEach((i) => (i.entry.suggestedBy = by));
      this.write(docId, items);
    };
    const sectionObservers = OVERVIEW_SECTIONS.map((section) => {
      const text = overviewText(doc, section);
      const fn = (_e: Y.YTextEvent, txn: Y.Transaction) => {
        if (fromOtherInstance(txn.origin)) remember(text);
        else touchText(text, { section }, txn.origin, new Date().toISOString());
      };
      text.observe(fn);
      return () => text.unobserve(fn);
    });
    // afterTransaction runs before Yjs garbage-collects deleted content, so a lost value is still readable.
    const onTransaction = (txn: Y.Transaction) => {
      if (fromOtherInstance(txn.origin)) return;
      const items = findOverwritten(doc, txn);
      if (items.length) this.write(docId, items);
    };
    projectsMap(doc).observeDeep(onProjects);
    doc.on('afterTransaction', onTransaction);
    return () => {
      resolveTexts();
      this.resolvers.delete(resolveTexts);
      projectsMap(doc).unobserveDeep(onProjects);
      doc.off('afterTransaction', onTransaction);
      sectionObservers.forEach((off) => off());
    };
  }

  /** Writes everything recorded so far and resolves when it is stored. */
  async flush(): Promise<void> {
    await this.drain();
    await Promise.allSettled([...this.pending]);
  }

  private write(docId: string, items: Item[]): void {
    if (!items.length) return;
    const queue = this.queued.get(docId) ?? [];
    queue.push(...items);
    this.queued.set(docId, queue);
    this.schedule();
  }

  private schedule(): void {
    // One batch per flush window, not one per keystroke.
    this.timer ??= setTimeout(() => void this.drain(), FLUSH_MS);
  }

  private drain(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const resolvers = [...this.resolvers];
    this.resolvers.clear();
    for (const resolve of resolvers) resolve();
    clearTimeout(this.timer);
    this.timer = undefined;
    const batches = [...this.queued];
    this.queued.clear();
    // Every document's entries of this window in one batch: one write, not one per document.
    const p = (batches.length ? this.store.putMany(batches) : Promise.resolve())
      .catch((error: unknown) => console.error('jixiao: failed to record history', error));
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p));
    return p;
  }
}

/** History items for one Yjs event under the `projects` map. */
function describe(
  e: Y.YEvent<Y.AbstractType<unknown>>,
  user: HistoryEntry['user'],
  at: string,
  onText: (t: Y.Text, target: HistoryTarget) => Item | null,
  remember: (t: Y.Text) => void,
): Item[] {
  const path = e.path as string[];
  const items: Item[] = [];
  const entry = (before: Value, after: Value): HistoryEntry => ({ at, user, before, after });
  if (e.target instanceof Y.Text && path.length === 2) {
    const item = onText(e.target, { project: path[0] as string, field: path[1] as string });
    return item ? [item] : [];
  }
  const map = e.target as Y.Map<unknown>;
  for (const [key, change] of (e as Y.YMapEvent<unknown>).changes.keys) {
    if (change.action === 'delete') continue;
    const before = (change.oldValue ?? null) as Value;
    const after = map.get(key) as unknown;
    if (path.length === 3 && CELL_FIELDS.has(key) && before !== after) {
      items.push({ target: { project: path[0] as string, indicator: path[2] as string, field: key }, entry: entry(before, after as Value) });
    } else if (path.length === 1 && scalarHeaderField(key) && before !== after) {
      items.push({ target: { project: path[0] as string, field: scalarHeaderField(key) as string }, entry: entry(before, after as Value) });
    } else if (path.length === 2 && change.action === 'add' && after instanceof Y.Map) {
      for (const f of INDICATOR_FIELDS) if (after.get(f)) items.push({ target: { project: path[0] as string, indicator: key, field: f }, entry: entry(null, after.get(f) as string) });
    } else if (path.length === 0 && change.action === 'add' && after instanceof Y.Map) {
      remember(projectText(after, 'purpose'));
      remember(projectText(after, 'goal'));
      indicatorsOf(after).forEach((row, rowId) => {
        for (const f of INDICATOR_FIELDS) if (row.get(f)) items.push({ target: { project: key, indicator: rowId, field: f }, entry: entry(null, row.get(f) as string) });
      });
    }
  }
  return items;
}

/**
 * Values a transaction brought in that lost to a concurrent write of the same cell as they
 * arrived: Yjs keeps one winner per key and deletes the loser at once, so no change event ever
 * shows it. A value superseded by its own author's later write in the same update is not a loss.
 */
function findOverwritten(doc: Y.Doc, txn: Y.Transaction): Item[] {
  const items: Item[] = [];
  const at = new Date().toISOString();
  txn.afterState.forEach((clock, client) => {
    const start = txn.beforeState.get(client) ?? 0;
    const structs = doc.store.clients.get(client);
    if (!structs || clock <= start) return;
    for (let i = Y.findIndexSS(structs, start); i < structs.length; i++) {
      const live = structs[i];
      if (!(live instanceof Y.Item) || !live.deleted || !live.parentSub || !(live.content instanceof Y.ContentAny)) continue;
      if (!live.right || live.right.id.client === live.id.client || !(live.parent instanceof Y.Map) || live.parent._item?.deleted) continue;
      const target = placeOf(doc, live.parent, live.parentSub);
      if (!target) continue;
      const lost = (live.content.getContent()[0] ?? null) as Value;
      const current = (live.parent.get(live.parentSub) ?? null) as Value;
      items.push({ target, entry: { at, user: changeAuthor(txn.origin), before: current, after: lost, overwritten: true } });
    }
  });
  return items;
}

/** The history target of key `field` of `map`: a project header field or an indicator cell. */
function placeOf(doc: Y.Doc, map: Y.Map<unknown>, field: string): HistoryTarget | null {
  type Node = { _item: Y.Item | null } | null;
  const up = (t: Node): Node => (t?._item?.parent ?? null) as Node;
  const key = (t: Node) => t?._item?.parentSub ?? null;
  const root = projectsMap(doc) as unknown as Node;
  if (up(map) === root) {
    const project = key(map);
    const header = scalarHeaderField(field);
    return project && header ? { project, field: header } : null;
  }
  const rows = up(map);
  const project = up(rows);
  if (up(project) !== root || !CELL_FIELDS.has(field)) return null;
  const indicator = key(map);
  const projectId = key(project);
  return indicator && projectId ? { project: projectId, indicator, field } : null;
}
