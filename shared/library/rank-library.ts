import { compactText, foldText } from './library-key.ts';
import type { LibraryItem } from './library-item.ts';

/** A library entry with its folded texts and their pinyin initials, prepared once per entry. */
export interface SearchableItem {
  item: LibraryItem;
  /** 二级指标, 三级指标 and 描述 folded without white space (`compactText`). */
  folded: { level2: string; name: string; description: string };
  /** Pinyin initials of the same texts, lower case (`sl` for 数量指标… → `slzb`). */
  initials: { level2: string; name: string; description: string };
  /** Place in the library's order without a query ({@link orderLibrary}): the tie-break of every search. */
  order: number;
}

/** What `GET /api/library` asks for. */
export interface LibraryQuery {
  /** Keyword or pinyin initials; blank lists everything. */
  q: string;
  /** Only entries of this 二级指标 (folded comparison); blank for all. */
  level2: string;
  limit: number;
}

// How well one word matches (lower is better); NO_MATCH leaves the entry out.
const NO_MATCH = 99;
const PINYIN = /^[a-z]+$/;

function wordQuality(s: SearchableItem, word: string): number {
  const { folded, initials } = s;
  let best = NO_MATCH;
  const consider = (quality: number, hit: boolean) => {
    if (hit && quality < best) best = quality;
  };
  consider(0, folded.name === word);
  consider(1, folded.name.startsWith(word));
  consider(2, folded.name.includes(word));
  consider(4, folded.level2.includes(word) || folded.description.includes(word));
  // Pinyin initials only for latin letters: `sl` → 数量, never a Chinese query against `sl`.
  if (PINYIN.test(word)) {
    consider(1, initials.name.startsWith(word));
    consider(3, initials.name.includes(word));
    consider(5, initials.level2.includes(word) || initials.description.includes(word));
  }
  return best;
}

// Made at the first ordering: the zh-CN collation data costs a server ~5 MiB from start-up otherwise.
let collator: Intl.Collator | undefined;

/**
 * Numbers the entries in the library's own order — curated 共性指标 first, then the most used,
 * then by 三级指标 in Chinese order — into `order`. Done once per built library: comparing Chinese
 * text by collation is what makes sorting slow, and every search reuses this order.
 */
export function orderLibrary(entries: SearchableItem[]): void {
  const sorted = [...entries].sort(
    (a, b) => Number(b.item.curated) - Number(a.item.curated) || b.item.uses - a.item.uses || (collator ??= new Intl.Collator('zh-CN')).compare(a.item.name, b.item.name),
  );
  sorted.forEach((s, i) => (s.order = i));
}

/**
 * The entries matching `query`, best first: how well the words match (三级指标 exactly, then at
 * its start — as written or by pinyin initials —, then within it, then in 二级指标 or 描述), then
 * the library's order ({@link orderLibrary}: curated, most used, Chinese order). Every word of the
 * query must match somewhere. At most `query.limit`.
 */
export function rankLibrary(entries: readonly SearchableItem[], query: LibraryQuery): LibraryItem[] {
  const words = foldText(query.q).split(' ').filter(Boolean);
  const level2 = compactText(query.level2);
  const scored: Array<{ s: SearchableItem; quality: number }> = [];
  for (const s of entries) {
    if (level2 && s.folded.level2 !== level2) continue;
    let quality = 0;
    for (const word of words) quality = Math.max(quality, wordQuality(s, word));
    if (quality < NO_MATCH) scored.push({ s, quality });
  }
  scored.sort((a, b) => a.quality - b.quality || a.s.order - b.s.order);
  return scored.slice(0, query.limit).map((x) => x.s.item);
}
