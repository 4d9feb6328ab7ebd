import { INDICATOR_FIELDS, readString, setIndicatorCells, type IndicatorMap } from '../../shared/model/index.ts';
import type { GridCursor } from './grid-cursor.ts';
import type { GridEditTarget } from './grid-edits.ts';
import { cellsIn, type RangeBounds } from './grid-selection.ts';

/** Which way a fill copies: the top row down (Ctrl+D) or the left column right (Ctrl+R). */
export type FillDirection = 'down' | 'right';

/** One cell write of a fill. */
interface FillWrite {
  indicator: string;
  field: (typeof INDICATOR_FIELDS)[number];
  value: string;
}

/**
 * The writes of a fill over `bounds`, as in Excel: down copies the top row of the range into the
 * rows below it, right copies the left column into the columns right of it. A single cell takes
 * the cell above (down) or left of it (right). Cells that already hold the value are left out.
 */
function fillWrites(rows: readonly { id: string; map: IndicatorMap }[], bounds: RangeBounds, direction: FillDirection): FillWrite[] {
  const single = bounds.top === bounds.bottom && bounds.left === bounds.right;
  const source = single
    ? direction === 'down' ? { ...bounds, top: bounds.top - 1 } : { ...bounds, left: bounds.left - 1 }
    : bounds;
  if (source.top < 0 || source.left < 0) return [];
  const writes: FillWrite[] = [];
  for (const at of cellsIn(bounds)) {
    const from = direction === 'down' ? { row: source.top, col: at.col } : { row: at.row, col: source.left };
    if (from.row === at.row && from.col === at.col) continue;
    const row = rows[at.row];
    const src = rows[from.row];
    const field = INDICATOR_FIELDS[at.col];
    const srcField = INDICATOR_FIELDS[from.col];
    if (!row || !src || !field || !srcField) continue;
    const value = readString(src.map, srcField);
    if (readString(row.map, field) !== value) writes.push({ indicator: row.id, field, value });
  }
  return writes;
}

/** Fills the selection (Ctrl+D, Ctrl+R, the fill handle) as one undo step; false when nothing changed. */
export function fillSelection(target: GridEditTarget, cursor: GridCursor, rows: readonly { id: string; map: IndicatorMap }[], direction: FillDirection): boolean {
  const bounds = cursor.bounds();
  if (!bounds) return false;
  const writes = fillWrites(rows, bounds, direction);
  if (writes.length === 0) return false;
  target.history?.stopCapturing();
  const changed = setIndicatorCells(target.doc, target.projectId, writes, target.origin);
  target.history?.stopCapturing();
  return !!changed;
}
