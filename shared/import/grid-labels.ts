import { compact } from './normalize-cell.ts';
import type { RawCell } from './raw-project.ts';

/** Header labels of a 绩效目标表 (whitespace removed, ASCII brackets and colon made full-width). */
export const HEADER_LABELS: ReadonlySet<string> = new Set([
  '项目编码', '项目名称', '预算规模及资金用途', '预算数', '其中：财政资金', '财政资金', '其他资金',
  '资金支出计划（%）', '资金支出计划（万元）', '资金支出计划', '资金用途', '绩效目标', '单位：万元',
]);

/** A cell's text as a label: no whitespace, `(`/`)`/`:` made full-width, so `资金支出计 划(%)` = `资金支出计划（%）`. */
export function labelOf(text: string): string {
  return compact(text).replace(/\(/g, '（').replace(/\)/g, '）').replace(/:/g, '：');
}

/**
 * The first non-empty cell after column `index`, or null when the row ends or another header label
 * comes first — so a blank 其他资金 reads as null instead of borrowing the next label.
 */
export function valueAfter(cells: readonly RawCell[], labels: readonly string[], index: number): RawCell | null {
  for (let j = index + 1; j < cells.length; j++) {
    const label = labels[j] ?? '';
    if (HEADER_LABELS.has(label)) return null;
    if (label !== '') return cells[j] ?? null;
  }
  return null;
}

/** Non-empty cells of a row from column `from` on, joined by "\n" into one cell, or null if all are empty. */
export function joinCellsFrom(cells: readonly RawCell[], from: number): RawCell | null {
  const filled = cells.slice(from).filter((c) => compact(c.text) !== '');
  const first = filled[0];
  return first === undefined ? null : { text: filled.map((c) => c.text).join('\n'), line: first.line };
}

/** Appends `addition` to `cell` as a new line (null-safe on both sides). */
export function appendCell(cell: RawCell | null, addition: RawCell | null): RawCell | null {
  if (addition === null) return cell;
  if (cell === null) return addition;
  return { text: `${cell.text}\n${addition.text}`, line: cell.line };
}
