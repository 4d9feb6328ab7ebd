import { createHash } from 'node:crypto';
import type { pinyin as PinyinFn } from 'pinyin-pro';
import { compactText, libraryKey, orderLibrary, rankLibrary, type CuratedIndicator, type LibraryItem, type LibraryQuery, type SearchableItem } from '../../shared/library/index.ts';
import { toBudgetJson } from '../../shared/model/budget-ydoc.ts';
import type { DocService } from '../docs/doc-service.ts';
import { pinyinInitials } from '../people/pinyin-initials.ts';
import type { CuratedStore } from '../storage/curated-store.ts';
import { mergeTallies, sameTallies, tallyRows, typical, type RowTally } from './row-tally.ts';

/** How long the rows of a document someone has open are reused before it is read again (ms). */
const LIVE_REUSE_MS = 5_000;
/** Merged libraries remembered, one per distinct set of documents within reach (people of one department share one). */
const MERGED_KEPT = 16;
/** Pinyin initials remembered per text before the memo starts afresh. */
const INITIALS_KEPT = 200_000;

interface DocRows {
  updatedAt: string;
  /** Until when (ms) rows read from the live copy are reused; 0 for rows read from the store. */
  liveUntil: number;
  /** Changes whenever the rows are read again, so a merged library knows it is stale. */
  rev: number;
  rows: Map<string, RowTally>;
}

/**
 * The indicator library: every indicator row of the documents a person may read, deduplicated by
 * (二级指标, 三级指标, 描述), with the curated 共性指标. Built lazily when someone searches, never on
 * the edit path: each document's rows are tallied once per stored version (`updatedAt`, as the
 * document list caches its error counts) — an open document at most every {@link LIVE_REUSE_MS} —
 * and the merged library is remembered per set of documents within reach.
 */
export class LibraryIndex {
  private readonly docs: DocService;
  private readonly curatedStore: CuratedStore;
  private readonly perDoc = new Map<string, DocRows>();
  private readonly merged = new Map<string, SearchableItem[]>();
  private readonly initialsMemo = new Map<string, string>();
  private curated: { stamp: string; items: CuratedIndicator[] } = { stamp: '', items: [] };
  private revs = 0;

  constructor(docs: DocService, curated: CuratedStore) {
    this.docs = docs;
    this.curatedStore = curated;
  }

  /** The entries matching `query` among the documents `visible` admits (the caller's reach) and the curated list. */
  async search(visible: (id: string) => Promise<boolean>, query: LibraryQuery): Promise<LibraryItem[]> {
    const entries = await this.docs.list(visible);
    const rows = await Promise.all(entries.map((e) => this.rowsOf(e.id, e.updatedAt)));
    const curated = await this.currentCurated();
    const signature = createHash('sha256')
      .update(`${curated.stamp}|${entries.map((e, i) => `${e.id}:${rows[i]?.rev ?? 0}`).join(',')}`)
      .digest('hex');
    let searchable = this.merged.get(signature);
    if (!searchable) {
      const all = new Map<string, RowTally>();
      for (const r of rows) mergeTallies(all, r.rows);
      // pinyin-pro's dictionary is ~10 MiB of memory: loaded at the first search, not at start-up.
      const { pinyin } = await import('pinyin-pro');
      searchable = this.toSearchable(pinyin, all, curated.items);
      if (this.merged.size >= MERGED_KEPT) this.merged.delete(this.merged.keys().next().value as string);
      this.merged.set(signature, searchable);
    }
    return rankLibrary(searchable, query);
  }

  private async rowsOf(id: string, updatedAt: string): Promise<DocRows> {
    const live = this.docs.isLive(id);
    const known = this.perDoc.get(id);
    if (known && (live ? Date.now() < known.liveUntil : known.liveUntil === 0 && known.updatedAt === updatedAt)) return known;
    const rows = await this.docs.read(id, (doc) => tallyRows(toBudgetJson(doc).projects.flatMap((p) => p.indicators)));
    // Rows read again but unchanged (an open document nobody edited) keep their revision, so the
    // merged library is reused rather than rebuilt (merge, pinyin, ordering) at every search.
    const rev = known && sameTallies(known.rows, rows) ? known.rev : ++this.revs;
    const fresh: DocRows = { updatedAt, liveUntil: live ? Date.now() + LIVE_REUSE_MS : 0, rev, rows };
    this.perDoc.set(id, fresh);
    return fresh;
  }

  private async currentCurated(): Promise<{ stamp: string; items: CuratedIndicator[] }> {
    // The head is small; the list is read again only after another import (by any instance).
    const head = await this.curatedStore.head();
    const stamp = head?.stamp ?? '';
    if (stamp !== this.curated.stamp) this.curated = { stamp, items: await this.curatedStore.items() };
    return this.curated;
  }

  private toSearchable(pinyin: typeof PinyinFn, rows: Map<string, RowTally>, curated: readonly CuratedIndicator[]): SearchableItem[] {
    const items = new Map<string, LibraryItem>();
    for (const [key, t] of rows) {
      const item = { level1: typical(t.texts.level1), level2: typical(t.texts.level2), name: typical(t.texts.name), description: typical(t.texts.description) };
      items.set(key, { ...item, value: typical(t.texts.value), basis: typical(t.texts.basis), uses: t.uses, curated: false });
    }
    for (const c of curated) {
      const key = libraryKey(c);
      const used = items.get(key);
      // The curated wording and value win: the finance bureau's 共性指标 is the reference.
      items.set(key, { ...c, value: c.value || (used?.value ?? ''), basis: c.basis || (used?.basis ?? ''), uses: used?.uses ?? 0, curated: true, ...(c.explanation ? { explanation: c.explanation } : {}) });
    }
    const searchable = [...items.values()].map((item) => {
      const folded = { level2: compactText(item.level2), name: compactText(item.name), description: compactText(item.description) };
      return { item, folded, initials: { level2: this.initialsOf(pinyin, folded.level2), name: this.initialsOf(pinyin, folded.name), description: this.initialsOf(pinyin, folded.description) }, order: 0 };
    });
    orderLibrary(searchable);
    return searchable;
  }

  // Pinyin initials, lower case ("数量指标" → "slzb"); other characters kept as written.
  private initialsOf(pinyin: typeof PinyinFn, text: string): string {
    let known = this.initialsMemo.get(text);
    if (known === undefined) {
      if (this.initialsMemo.size >= INITIALS_KEPT) this.initialsMemo.clear();
      known = pinyinInitials(pinyin, text);
      this.initialsMemo.set(text, known);
    }
    return known;
  }
}
