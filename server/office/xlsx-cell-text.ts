import type ExcelJS from 'exceljs';

/**
 * A cell's value as the text the importer reads: numbers as written (`25`, `1322.5`), a number formatted as a
 * percentage as `30%` (Excel stores 30% as 0.3), rich text and hyperlinks by their text, a formula by its
 * cached result, a date as `YYYY-MM-DD`, blank as ''.
 */
export function cellText(cell: ExcelJS.Cell): string {
  return valueText(cell.value, cell.numFmt ?? '');
}

function valueText(value: ExcelJS.CellValue, numFmt: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return numFmt.includes('%') ? `${Number((value * 100).toFixed(10))}%` : String(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : '';
  if ('formula' in value || 'sharedFormula' in value) return valueText((value as { result?: ExcelJS.CellValue }).result ?? null, numFmt);
  if ('error' in value) return String(value.error);
  return '';
}
