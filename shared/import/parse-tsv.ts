import type { GridRow, SourceLine } from './raw-project.ts';

/**
 * Rows of a TSV table (seed 001): one line per row, cells split at TABs and kept in column order
 * (empty cells included, so 资金支出计划 values stay under their checkpoint columns).
 * A line without TABs (the `434001 <单位>` line, `单位：万元`) is a row of one cell; blank lines are skipped.
 */
export function parseTsvRows(lines: readonly SourceLine[]): GridRow[] {
  const rows: GridRow[] = [];
  for (const { text, line } of lines) {
    if (text.trim() === '') continue;
    rows.push({ line, cells: text.split('\t').map((cell) => ({ text: cell, line })) });
  }
  return rows;
}
