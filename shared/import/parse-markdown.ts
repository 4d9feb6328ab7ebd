import type { GridRow, SourceLine } from './raw-project.ts';

// `|---|:--|` rows under a markdown header carry no content.
const SEPARATOR = /^\s*\|(?:\s*:?-{1,400}:?\s*\|){1,40}\s*$/;

/**
 * Rows of markdown pipe tables (seed 003). A converter splits a table at every page break into a new
 * pipe table that repeats the indicator header, so rows of all pipe tables are returned as one sequence;
 * `read-grid-table.ts` drops the repeated header and joins the continued row. Separator rows are skipped;
 * a non-pipe line (`507001 <单位>`, `单位：万元`) is a row of one cell.
 */
export function parseMarkdownRows(lines: readonly SourceLine[]): GridRow[] {
  const rows: GridRow[] = [];
  for (const { text, line } of lines) {
    const trimmed = text.trim();
    if (trimmed === '' || SEPARATOR.test(trimmed)) continue;
    if (!trimmed.startsWith('|')) {
      rows.push({ line, cells: [{ text: trimmed, line }] });
      continue;
    }
    const inner = trimmed.endsWith('|') && trimmed.length > 1 ? trimmed.slice(1, -1) : trimmed.slice(1);
    rows.push({ line, cells: inner.split('|').map((cell) => ({ text: cell, line })) });
  }
  return rows;
}
