import { INDICATOR_FIELDS, readString, type IndicatorMap } from '../../shared/model/index.ts';
import { parseHtmlTable, toHtmlTable } from './clipboard-html.ts';
import { padMatrix, parseTsv, toTsv, type CellMatrix } from './clipboard-tsv.ts';
import type { RangeBounds } from './grid-selection.ts';

/** The parts of a DataTransfer the grid reads and writes. */
export interface ClipboardData {
  getData(type: string): string;
  setData(type: string, value: string): void;
}

/** The texts of the cells inside `bounds`, rows in table order. */
export function matrixOfRange(rows: readonly { map: IndicatorMap }[], bounds: RangeBounds): CellMatrix {
  const out: CellMatrix = [];
  for (let r = bounds.top; r <= bounds.bottom; r++) {
    const row = rows[r];
    if (!row) continue;
    out.push(INDICATOR_FIELDS.slice(bounds.left, bounds.right + 1).map((f) => readString(row.map, f)));
  }
  return out;
}

/** Puts cells on the clipboard both as TSV (text/plain) and as an HTML table, as spreadsheets do. */
export function writeClipboardMatrix(data: ClipboardData, matrix: CellMatrix): void {
  data.setData('text/plain', toTsv(matrix));
  data.setData('text/html', toHtmlTable(matrix));
}

/**
 * The block of cells on the clipboard: the HTML table when there is one (it keeps merged cells),
 * otherwise the plain text read as TSV. Padded to a rectangle, line breaks as `\n`; null when the
 * clipboard holds nothing.
 */
export function readClipboardMatrix(data: Pick<ClipboardData, 'getData'>, parseHtml: (html: string) => Document): CellMatrix | null {
  const html = data.getData('text/html');
  const fromHtml = html && /<table[\s>]/i.test(html) ? parseHtmlTable(parseHtml(html)) : null;
  const text = data.getData('text/plain');
  const matrix = fromHtml && fromHtml.length > 0 ? fromHtml : text ? parseTsv(text) : null;
  if (!matrix || matrix.length === 0) return null;
  return padMatrix(matrix.map((row) => row.map((cell) => cell.replace(/\r\n?/g, '\n'))));
}
