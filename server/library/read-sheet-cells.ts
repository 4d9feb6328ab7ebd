import ExcelJS from 'exceljs';
import { cellText } from '../office/xlsx-cell-text.ts';

// A curated list has seven columns; wider sheets are read only this far.
const MAX_COLUMNS = 32;

/**
 * The visible sheets of a workbook, in tab order, as rows of cell texts (empty rows dropped). A
 * cell inside a merged range reads as the range's text, so a 二级指标 merged down a block of rows
 * is on every row of it.
 */
export async function readSheetCells(bytes: Uint8Array): Promise<string[][][]> {
  const wb = new ExcelJS.Workbook();
  // Validations are expanded cell by cell on load, so a whole-column range can stall the read (exceljs#1842).
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer, { ignoreNodes: ['dataValidations'] });
  return wb.worksheets
    .filter((ws) => ws.state === 'visible')
    .map((ws) => {
      const rows: string[][] = [];
      ws.eachRow({ includeEmpty: false }, (row) => {
        const cells: string[] = [];
        for (let c = 1; c <= Math.min(MAX_COLUMNS, row.cellCount); c++) {
          const cell = row.getCell(c);
          cells.push(cellText(cell.isMerged ? cell.master : cell));
        }
        rows.push(cells);
      });
      return rows;
    });
}
