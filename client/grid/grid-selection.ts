import type { CellPosition } from './grid-navigation.ts';

/*
 * A spreadsheet selection: the anchor (where Shift+click or Shift+arrows started) and the active
 * cell, which together span a rectangle. A single cell is a range whose two corners are equal.
 */

/** A selected rectangle by its two corners; `active` is the cell with the caret. */
export interface CellRange {
  anchor: CellPosition;
  active: CellPosition;
}

/** Inclusive bounds of a range, top-left to bottom-right. */
export interface RangeBounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The rectangle a range covers, whichever way it was dragged. */
export function rangeBounds(range: CellRange): RangeBounds {
  const { anchor: a, active: b } = range;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

/** Whether cell `at` lies inside `bounds`. */
export function boundsContain(bounds: RangeBounds, at: CellPosition): boolean {
  return at.row >= bounds.top && at.row <= bounds.bottom && at.col >= bounds.left && at.col <= bounds.right;
}

/** True when the range is more than one cell. */
export function isMultiCell(range: CellRange): boolean {
  return range.anchor.row !== range.active.row || range.anchor.col !== range.active.col;
}

/** Every cell of `bounds` in reading order. */
export function cellsIn(bounds: RangeBounds): CellPosition[] {
  const out: CellPosition[] = [];
  for (let row = bounds.top; row <= bounds.bottom; row++) for (let col = bounds.left; col <= bounds.right; col++) out.push({ row, col });
  return out;
}

/**
 * Which outer edges of `bounds` cell `at` lies on, for drawing a range outline out of cell
 * borders; null when the cell is outside.
 */
export function edgesAt(bounds: RangeBounds, at: CellPosition): { top: boolean; right: boolean; bottom: boolean; left: boolean } | null {
  if (!boundsContain(bounds, at)) return null;
  return { top: at.row === bounds.top, right: at.col === bounds.right, bottom: at.row === bounds.bottom, left: at.col === bounds.left };
}

/**
 * The block a paste writes. A single copied cell pasted over a larger selection fills the whole
 * selection, as spreadsheets do; anything else is pasted as it is from the selection's top-left.
 */
export function fitPasteToSelection(matrix: readonly (readonly string[])[], bounds: RangeBounds): { at: CellPosition; matrix: string[][] } {
  const at = { row: bounds.top, col: bounds.left };
  const only = matrix.length === 1 && matrix[0]?.length === 1 ? matrix[0][0] : undefined;
  if (only === undefined) return { at, matrix: matrix.map((r) => [...r]) };
  const rows = bounds.bottom - bounds.top + 1;
  const cols = bounds.right - bounds.left + 1;
  return { at, matrix: Array.from({ length: rows }, () => Array<string>(cols).fill(only)) };
}
