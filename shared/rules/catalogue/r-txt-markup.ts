import { excerpt } from '../format-message.ts';
import { stripMarkup } from '../../text/strip-markup.ts';
import type { Reporter, Rule } from '../rule.ts';
import { documentTextCells, projectTextCells, type TextCell } from '../text-cells.ts';

// A `$…$` span counts only with a backslash inside: `$100 与 $200` is money, and the fix (stripMarkup) keeps it.
const MARKUP = /<\/?[A-Za-z][^<>]*>|\[bookmark:[^\]]*\]|\$[^$\n]*\\[^$\n]*\$|\\(?:geqslant|leqslant|geq|leq|ge|le)(?![A-Za-z])/;

function scan(cells: readonly TextCell[], report: Reporter): void {
  for (const cell of cells) {
    const m = MARKUP.exec(cell.text);
    if (!m) continue;
    const value = stripMarkup(cell.text).trim();
    const op = cell.rewrite(value);
    report({
      place: cell.place,
      params: { text: excerpt(m[0], 30) },
      ...(op ? { fix: { zh: '清除格式标记', en: 'Strip the markup', ops: [op] } } : {}),
    });
  }
}

/**
 * R-TXT-MARKUP: HTML tags, LaTeX (`$\geq 90\%$`) or `[bookmark: …]` in any cell or prose.
 * The fix writes the text without markup (LaTeX comparators become ≥/≤); title and department have no fix op.
 */
export const rTxtMarkup: Rule = {
  id: 'R-TXT-MARKUP',
  severity: 'warning',
  scope: 'cell',
  message: { zh: '内容含格式标记“{text}”，请清除。', en: 'Cell contains markup “{text}”; strip it.' },
  checkDocument(doc, _views, _ctx, report) {
    scan(documentTextCells(doc), report);
  },
  checkProject(view, _ctx, report) {
    if (MARKUP.test(view.allText)) scan(projectTextCells(view.project), report);
  },
};
