import type ExcelJS from 'exceljs';

/** Most characters one Excel cell holds; longer text continues in the next cells (see {@link writeLongText}). */
export const CELL_LIMIT = 32_767;

/** Thin black borders on all four sides, as the printed 绩效目标表 has them. */
export const THIN_BORDERS: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' },
};

/**
 * Writes `text` into `cell`; text over {@link CELL_LIMIT} characters is cut into chunks, the first in `cell`
 * and the rest in the cells from column `overflowCol` (1-based) of the same row on, so nothing is lost. The
 * reader joins a cell of exactly `CELL_LIMIT` characters with the chunks beyond the sheet's table
 * (read-xlsx-rows.ts). `overflowCol` is advanced past the chunks written and returned.
 */
export function writeLongText(ws: ExcelJS.Worksheet, row: number, col: number, text: string, overflowCol: number): number {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += CELL_LIMIT) chunks.push(text.slice(i, i + CELL_LIMIT));
  ws.getCell(row, col).value = chunks[0] ?? '';
  let next = overflowCol;
  for (const chunk of chunks.slice(1)) ws.getCell(row, next++).value = chunk;
  return next;
}

/** Styles a rectangular block as table cells: borders, wrapped text, vertically centred; `center` centres it horizontally. */
export function styleBlock(ws: ExcelJS.Worksheet, top: number, left: number, bottom: number, right: number, center = false): void {
  for (let r = top; r <= bottom; r++) {
    for (let c = left; c <= right; c++) {
      const cell = ws.getCell(r, c);
      cell.border = THIN_BORDERS;
      cell.alignment = { vertical: 'middle', wrapText: true, ...(center ? { horizontal: 'center' } : {}) };
    }
  }
}

/** A sheet name Excel accepts (≤ 31 characters, none of `[]:*?/\`), unique among `taken`, which it joins. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, '').slice(0, 31) || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base.slice(0, 31 - String(n).length - 1)}~${n}`;
  taken.add(name);
  return name;
}
