import { compact, normalizeCell } from './normalize-cell.ts';
import { isIndicatorHeader } from './indicator-terms.ts';
import type { SourceLine } from './raw-project.ts';

/** One 绩效目标表 in the source: its title line and the lines after it up to the next table. */
export interface TableSpan {
  title: string;
  titleLine: number;
  /** Index (into the source lines) of the title line. */
  start: number;
  /** Index one past the last line of the table. */
  end: number;
}

// `1.安全生产费用绩效目标表`, `5. 综合服务管理经费绩效目标表`; TOC entries end in dots and a page number instead.
const TITLE = /^\d{1,3}\s?[.．、]\s?\S/;

/** The table title on this line without its bookmark, TABs and wrap spaces, or null if the line is no title. */
export function tableTitleOf(text: string): string | null {
  if (text.length > 400) return null;
  const title = normalizeCell(text.replace(/\t/g, ' '));
  if (!title.endsWith('绩效目标表') || !TITLE.test(title) || title.includes('|')) return null;
  return title;
}

/**
 * Finds the project tables: a title line `N.<名称>绩效目标表` followed, before the next title, by a
 * 项目编码 label or the indicator header. Candidates without either (a TOC line without page number)
 * are not tables. Spans run from the title to the next table's title or the end of the source.
 */
export function findTables(lines: readonly SourceLine[]): TableSpan[] {
  const candidates: { index: number; title: string }[] = [];
  lines.forEach((l, index) => {
    const title = tableTitleOf(l.text);
    if (title !== null) candidates.push({ index, title });
  });
  const spans: TableSpan[] = [];
  candidates.forEach((c, k) => {
    const end = candidates[k + 1]?.index ?? lines.length;
    let isTable = false;
    for (let i = c.index + 1; i < end && !isTable; i++) {
      const text = (lines[i] as SourceLine).text;
      isTable = compact(text).replace(/^\|/, '').startsWith('项目编码') || isIndicatorHeader(text);
    }
    if (isTable) spans.push({ title: c.title, titleLine: (lines[c.index] as SourceLine).line, start: c.index, end });
  });
  // A rejected candidate inside a table (never seen in practice) must not cut the previous table short.
  return spans.map((s, k) => ({ ...s, end: spans[k + 1]?.start ?? lines.length }));
}
