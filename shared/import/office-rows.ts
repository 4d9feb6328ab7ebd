// The form in which .docx and .xlsx files enter the importer: their paragraphs and table (or sheet) rows
// in document order, with the real cell structure (grid column, span, vertical merge) kept.

/**
 * One cell of a table or sheet row: `col` is its first grid column (0-based), `span` how many grid
 * columns it covers (`w:gridSpan`, a merged range's width); `continues` marks a cell that continues a
 * vertical merge from the row above (`w:vMerge` without `restart`, a merged range's lower rows): its
 * `text` is empty and the importer decides whether the text above fills it.
 */
export interface OfficeCell {
  text: string;
  col: number;
  span: number;
  continues: boolean;
}

/**
 * One paragraph (`paragraph: true`, a single cell) or table/sheet row of an office file. `line` is its
 * 1-based position among all paragraphs and rows of the file, which the import report cites as `line`.
 */
export interface OfficeRow {
  line: number;
  paragraph: boolean;
  cells: OfficeCell[];
}

/** An office file as rows, ready for `importOfficeRows`. */
export interface OfficeSource {
  layout: 'docx' | 'xlsx';
  rows: readonly OfficeRow[];
}

/** A paragraph row holding `text`. */
export function paragraphRow(line: number, text: string): OfficeRow {
  return { line, paragraph: true, cells: [{ text, col: 0, span: 1, continues: false }] };
}

/** The row's non-empty cell texts joined by TABs, as a text line of the same row would read. */
export function rowText(row: OfficeRow): string {
  return row.cells.map((c) => c.text).filter((t) => t.trim() !== '').join('\t');
}
