import { stripMarkup } from '../text/strip-markup.ts';

// Han ideographs, CJK and full-width punctuation, curly quotes and dashes: characters between which
// a converter's space is a line-wrap or layout artefact, never a word separator.
const CJK = /[\u2014\u2018-\u201f\u2026\u3001-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff5e\uffe0-\uffe6]/;
const SPACE = /[ \t\u00a0\u2002-\u200b\u3000\ufeff]/;

/** True when `ch` is a Chinese character or full-width punctuation (one UTF-16 unit is enough for both). */
export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}

/**
 * Normalises one line: runs of spaces/TABs/U+3000 next to a Chinese character are removed (they are wrap
 * artefacts such as `维护、维修 面积` or `2025 年`), other runs become one space, and the ends are trimmed.
 * Written as a single scan so the cost stays linear on hostile input.
 */
export function normalizeLine(line: string): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    const ch = line[i] as string;
    if (!SPACE.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let j = i;
    while (j < line.length && SPACE.test(line[j] as string)) j++;
    const before = out[out.length - 1];
    const after = line[j];
    if (out.length > 0 && after !== undefined && !isCjk(before) && !isCjk(after)) out += ' ';
    i = j;
  }
  return out;
}

/**
 * The text of a cell or paragraph as the canonical form stores it: markup stripped (see `stripMarkup`),
 * each line normalised (see `normalizeLine`), blank lines dropped, remaining lines joined by "\n".
 */
export function normalizeCell(text: string): string {
  return stripMarkup(text.replace(/\r\n?/g, '\n'))
    .split('\n')
    .map(normalizeLine)
    .filter((line) => line !== '')
    .join('\n');
}

/**
 * Joins the physical lines of one wrapped cell back into its logical text: nothing goes between two pieces
 * when either side of the break is Chinese (`大气污染防` + `治知识培训`), one space otherwise (`= 150` + `万`
 * keeps its own spaces). The result is not yet normalised.
 */
export function joinWrapped(pieces: readonly string[]): string {
  let out = '';
  for (const raw of pieces) {
    const piece = raw.trim();
    if (piece === '') continue;
    if (out !== '' && !isCjk(out[out.length - 1]) && !isCjk(piece[0])) out += ' ';
    out += piece;
  }
  return out;
}

/** `text` without any whitespace: how labels (`资金支出计 划（%）`) and project codes are compared. */
export function compact(text: string): string {
  return stripMarkup(text).replace(/\s+/g, '');
}

/**
 * Puts each numbered item of a one-line list on its own line: `1. 甲 2. 乙` → `1. 甲\n2. 乙`. Only a space
 * before the next expected number (2, 3, …) counts, so `购买炮弹 490 发` and `(2)` stay as they are.
 * Word cells write 绩效目标 this way; without it, removing wrap spaces would glue the items together.
 */
export function splitNumberedItems(text: string): string {
  if (!/^\s*1\s?[.．、]/.test(text)) return text;
  let next = 2;
  return text.replace(/\s+(\d{1,2})\s?([.．、])(?!\d)/g, (whole, n: string, separator: string) => {
    if (Number(n) !== next) return whole;
    next++;
    return `\n${n}${separator}`;
  });
}
