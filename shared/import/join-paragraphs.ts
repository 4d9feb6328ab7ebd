import { isCjk, joinWrapped, normalizeCell } from './normalize-cell.ts';
import type { SourceLine } from './raw-project.ts';

// `一、` `（二）` `3、` `4.` `(1)` — an enumerated item always starts a new paragraph.
const ITEM_START = /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}\s?[、.．](?!\d))/;
const SENTENCE_END = /[。！？；：…」』”）)!?;:]$/;
// A Word paragraph cut by a page break is long; headings such as `（一）充分发挥产业优势…` are short.
const MIN_CUT_PARAGRAPH = 50;
// A PDF line shorter than this share of a full line ends its paragraph.
const FULL_LINE_SHARE = 0.85;

/** Width in half-width cells, as a PDF lays text out: Chinese characters count 2. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += isCjk(ch) ? 2 : 1;
  return width;
}

/**
 * Paragraphs of Word-derived text (TSV, markdown, cell-lines sources), joined by "\n": every line is a
 * paragraph, except that a long line without closing punctuation, followed by a line that is no new
 * item, was cut by a page break and is joined to the next (seed 001 `…精心` / `操作，…`).
 */
export function joinTextParagraphs(lines: readonly SourceLine[]): string {
  const paragraphs: string[] = [];
  let open = false;
  for (const { text } of lines) {
    const current = normalizeCell(text);
    if (current === '') continue;
    const last = paragraphs.length - 1;
    if (open && last >= 0 && !ITEM_START.test(current)) paragraphs[last] = joinWrapped([paragraphs[last] as string, current]);
    else paragraphs.push(current);
    const paragraph = paragraphs[paragraphs.length - 1] as string;
    open = !current.includes('\n') && current.length >= MIN_CUT_PARAGRAPH && !SENTENCE_END.test(paragraph);
  }
  return paragraphs.join('\n');
}

/**
 * Paragraphs of PDF line soup (seed 000), joined by "\n": physical lines are re-joined into paragraphs;
 * a paragraph ends after a line clearly shorter than a full line, and before an enumerated item.
 * Lone page numbers are dropped. The full-line width is the 75th percentile of the line widths.
 */
export function joinPdfParagraphs(lines: readonly SourceLine[]): string {
  const texts = lines.map((l) => normalizeCell(l.text)).filter((t) => t !== '' && !/^\d{1,4}$/.test(t));
  const widths = texts.map(displayWidth).sort((a, b) => a - b);
  const fullWidth = widths[Math.floor(widths.length * 0.75)] ?? 0;
  const paragraphs: string[] = [];
  let open = false;
  for (const current of texts) {
    const last = paragraphs.length - 1;
    if (open && last >= 0 && !ITEM_START.test(current)) paragraphs[last] = joinWrapped([paragraphs[last] as string, current]);
    else paragraphs.push(current);
    open = displayWidth(current) >= fullWidth * FULL_LINE_SHARE;
  }
  return paragraphs.join('\n');
}
