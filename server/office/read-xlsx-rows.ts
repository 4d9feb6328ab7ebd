import ExcelJS from 'exceljs';
import { isIndicatorHeader } from '../../shared/import/indicator-terms.ts';
import { labelOf } from '../../shared/import/grid-labels.ts';
import type { OfficeCell, OfficeRow } from '../../shared/import/index.ts';
import { cellText } from './xlsx-cell-text.ts';
import { CELL_LIMIT } from './xlsx-cells.ts';
import { SUMMARY_SHEET } from './write-budget-xlsx.ts';

// A 绩效目标表 is 6–12 columns wide; wider sheets are read only this far.
const MAX_COLUMNS = 64;

/** One sheet row as cells: merged ranges as one cell with its width; the lower rows of a vertical merge as `continues`. */
function readRow(row: ExcelJS.Row): OfficeCell[] {
  const cells: OfficeCell[] = [];
  let previous = '';
  const width = Math.min(MAX_COLUMNS, row.cellCount);
  for (let c = 1; c <= width; c++) {
    const cell = row.getCell(c);
    const master = cell.isMerged ? cell.master : cell;
    const last = cells[cells.length - 1];
    if (master.address !== cell.address && master.address === previous && last !== undefined) {
      last.span++;
      continue;
    }
    cells.push({ text: master.address === cell.address ? cellText(cell) : '', col: c - 1, span: 1, continues: master.address !== cell.address });
    previous = master.address;
  }
  return cells;
}

/**
 * Joins text the writer continued past a cell's limit: a cell of exactly 32,767 characters takes the cells
 * beyond the table (`width` = the grid's column count) in order, up to a shorter chunk.
 */
function joinOverflow(cells: OfficeCell[], tableWidth: number): OfficeCell[] {
  const inside = cells.filter((c) => c.col < tableWidth);
  const tail = cells.filter((c) => c.col >= tableWidth && c.text !== '');
  for (const cell of inside) {
    while (cell.text.length % CELL_LIMIT === 0 && cell.text.length > 0 && tail.length > 0) cell.text += (tail.shift() as OfficeCell).text;
  }
  return [...inside, ...tail];
}

/**
 * Reads a workbook's visible sheets, in tab order, into office rows (one per non-empty sheet row). The
 * 汇总 sheet the exporter writes is skipped: its numbers repeat the project sheets. Works for one sheet
 * per project and for all tables on one sheet alike, since tables are found by their labels.
 */
export async function readXlsxRows(bytes: Uint8Array): Promise<OfficeRow[]> {
  const wb = new ExcelJS.Workbook();
  // Validations are expanded cell by cell on load, so a whole-column range can stall the read (exceljs#1842).
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer, { ignoreNodes: ['dataValidations'] });
  const rows: OfficeRow[] = [];
  // `worksheets` is in tab order (exceljs sorts by orderNo).
  const sheets = wb.worksheets;
  for (const ws of sheets) {
    if (ws.state !== 'visible' || ws.name === SUMMARY_SHEET) continue;
    const sheetRows: OfficeCell[][] = [];
    // Only rows that hold something: a lone cell at row 1,048,576 must not make a million empty rows.
    ws.eachRow({ includeEmpty: false }, (row) => {
      sheetRows.push(readRow(row));
    });
    const header = sheetRows.find((cells) => isIndicatorHeader(cells.map((c) => labelOf(c.text)).join('')));
    const tableWidth = header === undefined ? 1 : header.reduce((max, c) => (c.text.trim() === '' ? max : Math.max(max, c.col + c.span)), 0);
    for (const cells of sheetRows) {
      const joined = joinOverflow(cells, tableWidth);
      if (joined.every((c) => c.text.trim() === '' && !c.continues)) continue;
      rows.push({ line: rows.length + 1, paragraph: false, cells: joined });
    }
  }
  return rows;
}
