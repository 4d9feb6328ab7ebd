import type { CellMatrix } from './clipboard-tsv.ts';

/*
 * The HTML flavour of the clipboard. Excel and WPS write a whole HTML page (Office namespaces, a
 * <style> with mso- rules) around a <table> whose merged cells use rowspan/colspan and whose
 * in-cell line breaks are <br style='mso-data-placement:same-cell'>; Google Sheets writes a bare
 * table. Framework-free: the caller parses the HTML (DOMParser in the browser) and passes the Document.
 */

const BLOCK = new Set(['P', 'DIV', 'LI', 'TR', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
// East Asian wide characters: a line break in the HTML source between two of them is no space.
const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/**
 * The cells of the first table in `doc`, row by row. A cell merged over several rows (rowspan)
 * gives its text to every row it covers, because a merged 一级指标 names the category of each of
 * those indicator rows; a cell merged over several columns (colspan) fills its first column and
 * leaves the others blank, as spreadsheets do. Null when there is no table.
 */
export function parseHtmlTable(doc: Document): CellMatrix | null {
  const table = doc.querySelector('table');
  if (!table) return null;
  const out: CellMatrix = [];
  // Row spans still open from rows above: column → [text, rows left].
  const carried = new Map<number, { text: string; left: number }>();
  for (const tr of Array.from(table.rows)) {
    const row: string[] = [];
    let col = 0;
    const takeCarried = () => {
      for (let c = carried.get(col); c; c = carried.get(col)) {
        row[col] = c.text;
        if (--c.left === 0) carried.delete(col);
        col++;
      }
    };
    for (const cell of Array.from(tr.cells)) {
      takeCarried();
      const text = cellText(cell);
      const colSpan = Math.max(1, cell.colSpan || 1);
      const rowSpan = Math.max(1, cell.rowSpan || 1);
      for (let k = 0; k < colSpan; k++) {
        row[col + k] = k === 0 ? text : '';
        if (rowSpan > 1) carried.set(col + k, { text: k === 0 ? text : '', left: rowSpan - 1 });
      }
      col += colSpan;
    }
    takeCarried();
    out.push(Array.from(row, (v) => v ?? ''));
  }
  return out;
}

/** The text of one table cell as a spreadsheet shows it: <br> and blocks break lines, source whitespace collapses. */
function cellText(cell: Element): string {
  let text = '';
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      text += collapse(node.nodeValue ?? '', text);
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (el.tagName === 'BR') {
      text += '\n';
      return;
    }
    if (el.tagName === 'STYLE' || el.tagName === 'SCRIPT' || (el as HTMLElement).style?.display === 'none') return;
    const block = BLOCK.has(el.tagName);
    if (block && text !== '' && !text.endsWith('\n')) text += '\n';
    el.childNodes.forEach(walk);
    if (block && text !== '' && !text.endsWith('\n')) text += '\n';
  };
  cell.childNodes.forEach(walk);
  return text
    .split('\n')
    .map((line) => line.replace(/ +$/, '').replace(/^ +/, ''))
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

/** Source whitespace of one text node: runs become one space, except a line break between wide characters. */
function collapse(raw: string, before: string): string {
  const nbsp = raw.replace(/\u00a0/g, '\u0001');
  let out = '';
  const parts = nbsp.split(/([ \t\r\n\f]+)/);
  parts.forEach((part, i) => {
    if (i % 2 === 0) {
      out += part;
      return;
    }
    const prev = (before + out).slice(-1);
    const next = parts[i + 1]?.[0] ?? '';
    const breaksLine = /[\r\n]/.test(part);
    if (breaksLine && WIDE.test(prev) && WIDE.test(next)) return;
    if (prev === ' ' || prev === '\n') return;
    out += ' ';
  });
  return out.replace(/\u0001/g, ' ');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Rows of cells as the HTML clipboard flavour. Line breaks are Excel's same-cell <br>, so Excel
 * and WPS keep a multi-line cell in one cell; Google Sheets reads plain <br> the same way.
 */
export function toHtmlTable(matrix: readonly (readonly string[])[]): string {
  const rows = matrix.map(
    (row) => `<tr>${row.map((v) => `<td>${escapeHtml(v).replace(/\r?\n/g, "<br style='mso-data-placement:same-cell'>")}</td>`).join('')}</tr>`,
  );
  return `<html><head><meta charset="utf-8"></head><body><table>${rows.join('')}</table></body></html>`;
}
