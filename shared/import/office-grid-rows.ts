import { labelOf } from './grid-labels.ts';
import { isIndicatorHeader } from './indicator-terms.ts';
import type { OfficeCell, OfficeRow } from './office-rows.ts';
import type { GridRow, RawCell } from './raw-project.ts';

/**
 * Turns the office rows of one 绩效目标表 (tables joined across page breaks) into the grid rows
 * `readGridTable` reads:
 * - above the indicator header, each cell is placed at its grid column (spans padded with blank cells), so
 *   资金支出计划 values stay under their checkpoints whatever the spans; merged continuation cells stay blank;
 * - from the indicator header on, a row has one cell per Word cell or merged range (the six columns
 *   一级 二级 三级 描述 指标值 依据, however many grid columns each spans), and a cell continuing a vertical
 *   merge takes the text of the cell above in its column — a merged 一级/二级指标 fills every row it covers,
 *   also across a table split by a page break.
 */
export function officeGridRows(rows: readonly OfficeRow[]): GridRow[] {
  const out: GridRow[] = [];
  let inGrid = false;
  let above = new Map<number, string>();
  for (const row of rows) {
    const cell = (c: OfficeCell): RawCell => ({ text: c.text, line: row.line });
    if (!inGrid) {
      inGrid = isIndicatorHeader(row.cells.map((c) => labelOf(c.text)).join(''));
      if (!inGrid) {
        out.push({ line: row.line, cells: placeByColumn(row) });
        continue;
      }
    }
    if (row.paragraph || isIndicatorHeader(row.cells.map((c) => labelOf(c.text)).join(''))) {
      out.push({ line: row.line, cells: row.cells.map(cell) });
      continue;
    }
    const next = new Map<number, string>();
    const cells = row.cells.map((c) => {
      const text = c.continues ? (above.get(c.col) ?? '') : c.text;
      next.set(c.col, text);
      return { text, line: row.line };
    });
    above = next;
    out.push({ line: row.line, cells });
  }
  return out;
}

// A header block has a dozen grid columns at most; a hostile sheet must not make every row 16,384 cells wide.
const MAX_COLUMNS = 256;

function placeByColumn(row: OfficeRow): RawCell[] {
  if (row.paragraph) return row.cells.map((c) => ({ text: c.text, line: row.line }));
  const width = Math.min(MAX_COLUMNS, row.cells.reduce((max, c) => Math.max(max, c.col + c.span), 0));
  const cells: RawCell[] = Array.from({ length: width }, () => ({ text: '', line: row.line }));
  for (const c of row.cells) if (c.col < width) cells[c.col] = { text: c.continues ? '' : c.text, line: row.line };
  return cells;
}
