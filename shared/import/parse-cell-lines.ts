import { isIndicatorHeader } from './indicator-terms.ts';
import type { GridRow, RawNote, SourceLine } from './raw-project.ts';

/** Rows of a cell-lines table, plus notes on rows that had to be joined. */
export interface CellLineRows {
  rows: GridRow[];
  notes: RawNote[];
}

/** Groups lines into blocks: a TAB starts a cell, a line without TAB continues the cell above, a blank line ends the row. */
function readBlocks(lines: readonly SourceLine[]): GridRow[] {
  const rows: GridRow[] = [];
  let current: GridRow | null = null;
  for (const { text, line } of lines) {
    // `\t` alone is an empty cell; only a line without TAB (empty or spaces) ends the row.
    if (!text.startsWith('\t') && text.trim() === '') {
      current = null;
      continue;
    }
    if (current === null) {
      current = { line, cells: [] };
      rows.push(current);
    }
    const last = current.cells[current.cells.length - 1];
    if (text.startsWith('\t') || last === undefined) {
      // Trailing TABs after a cell are layout residue, not empty columns.
      current.cells.push({ text: text.replace(/^\t/, '').replace(/\t+$/, ''), line });
    } else {
      last.text += `\n${text}`;
    }
  }
  return rows;
}

function hasText(row: GridRow): boolean {
  return row.cells.some((c) => c.text.trim() !== '');
}

/**
 * Rows of a cell-lines table (seeds 002, 004): one cell per line, blank lines between rows. After the
 * indicator header, a row with fewer than six cells followed by the rest of its cells after a blank line
 * (a paragraph break inside a cell, seed 002 line 1302) is joined back into one row and noted.
 */
export function parseCellLineRows(lines: readonly SourceLine[]): CellLineRows {
  const blocks = readBlocks(lines);
  const rows: GridRow[] = [];
  const notes: RawNote[] = [];
  let width = 0;
  for (const block of blocks) {
    const previous = rows[rows.length - 1];
    if (isIndicatorHeader(block.cells.map((c) => c.text).join(''))) {
      width = block.cells.length;
    } else if (width > 0 && previous !== undefined && previous.cells.length < width
      && previous.cells.length + block.cells.length <= width && hasText(previous) && hasText(block)) {
      previous.cells.push(...block.cells);
      notes.push({
        line: block.line,
        zh: '该行被空行分成两段，已按列数合并为一行。',
        en: 'This row was split by a blank line; its parts were joined into one row by column count.',
        raw: block.cells.map((c) => c.text).join(' | '),
      });
      continue;
    }
    rows.push(block);
  }
  return { rows, notes };
}
