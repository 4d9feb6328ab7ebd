import { LEVEL1_TERMS, LEVEL2_TERMS, isIndicatorHeader } from './indicator-terms.ts';
import type { SourceLine } from './raw-project.ts';

/** A non-blank line of a PDF table body; `blockStart` is true when a blank line (or the header) precedes it. */
export interface PdfEntry {
  text: string;
  line: number;
  blockStart: boolean;
}

/** Where a 二级指标 ends: the entry after its last line, and any text after it on that line. */
export interface Level2Match {
  term: string;
  next: number;
  rest: string;
  line: number;
}

/** Non-blank, trimmed lines with block boundaries; repeated indicator headers (page breaks) are dropped. */
export function toPdfEntries(lines: readonly SourceLine[]): PdfEntry[] {
  const entries: PdfEntry[] = [];
  let blockStart = true;
  for (const { text, line } of lines) {
    const trimmed = text.trim();
    if (trimmed === '' || isIndicatorHeader(trimmed)) {
      blockStart = true;
      continue;
    }
    entries.push({ text: trimmed, line, blockStart });
    blockStart = false;
  }
  return entries;
}

/** True when the entry is a 一级指标 printed alone on its line. */
export function isLevel1(entry: PdfEntry | undefined): boolean {
  return entry !== undefined && LEVEL1_TERMS.includes(entry.text);
}

/**
 * Matches a 二级指标 starting at `entries[i]`: either the line begins with a term (`时效指标 完成时效 …`),
 * or the term is wrapped over this and the following lines of the same block (`可持续影响` + `指标`,
 * `服务对象满` + `意度指标`). Returns null when no term starts here.
 */
export function matchLevel2(entries: readonly PdfEntry[], i: number): Level2Match | null {
  const first = entries[i];
  if (first === undefined) return null;
  for (const term of LEVEL2_TERMS) {
    if (first.text === term || first.text.startsWith(`${term} `)) {
      return { term, next: i + 1, rest: first.text.slice(term.length).trim(), line: first.line };
    }
  }
  for (const term of LEVEL2_TERMS) {
    if (first.text.length < 2 || !term.startsWith(first.text)) continue;
    let joined = first.text;
    for (let j = i + 1; j < entries.length && !(entries[j] as PdfEntry).blockStart; j++) {
      joined += (entries[j] as PdfEntry).text;
      if (joined === term || joined.startsWith(`${term} `)) {
        return { term, next: j + 1, rest: joined.slice(term.length).trim(), line: first.line };
      }
      if (!term.startsWith(joined)) break;
    }
  }
  return null;
}

/** True when a new indicator row (or a 一级指标 above one) starts at `entries[i]`. */
export function startsRow(entries: readonly PdfEntry[], i: number): boolean {
  const entry = entries[i];
  if (entry === undefined) return false;
  if (isLevel1(entry)) return true;
  return (entry.blockStart || isLevel1(entries[i - 1])) && matchLevel2(entries, i) !== null;
}
