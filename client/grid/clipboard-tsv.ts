/*
 * Tab-separated text as Excel, WPS and Google Sheets put it on the clipboard: a field holding a
 * tab, a line break or a quote is wrapped in double quotes, with quotes doubled inside.
 */

/** A rectangular-ish block of cell texts, rows of columns; rows may differ in length. */
export type CellMatrix = string[][];

/**
 * Reads clipboard TSV into rows of cells. CRLF, LF and CR all end a row; the one line break
 * spreadsheets put after the last row does not make an empty row. A quoted field may span lines;
 * text after its closing quote is kept, as Excel does.
 */
export function parseTsv(text: string): CellMatrix {
  const rows: CellMatrix = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  if (n === 0) return [];
  while (i <= n) {
    let field = '';
    if (text[i] === '"') {
      const quoted = readQuoted(text, i + 1);
      // An opening quote never closed was literal text, not quoting.
      if (quoted) {
        field = quoted.value;
        i = quoted.end;
      }
    }
    while (i < n && text[i] !== '\t' && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
    row.push(field);
    if (i >= n) break;
    const ch = text[i];
    i++;
    if (ch === '\t') continue;
    if (ch === '\r' && text[i] === '\n') i++;
    rows.push(row);
    row = [];
    if (i >= n) return rows;
  }
  rows.push(row);
  return rows;
}

/** The field of a quoted TSV cell whose text starts at `start`, and the index after its closing quote. */
function readQuoted(text: string, start: number): { value: string; end: number } | null {
  let value = '';
  for (let i = start; i < text.length; i++) {
    if (text[i] !== '"') {
      value += text[i];
    } else if (text[i + 1] === '"') {
      value += '"';
      i++;
    } else {
      return { value, end: i + 1 };
    }
  }
  return null;
}

/** Writes rows of cells as TSV that Excel, WPS and Google Sheets paste cell for cell. */
export function toTsv(matrix: readonly (readonly string[])[]): string {
  return matrix.map((row) => row.map(quoteField).join('\t')).join('\r\n');
}

function quoteField(value: string): string {
  return /[\t\r\n"]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The same rows padded with '' to the width of the widest row. */
export function padMatrix(matrix: readonly (readonly string[])[]): CellMatrix {
  const width = Math.max(0, ...matrix.map((r) => r.length));
  return matrix.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
}
