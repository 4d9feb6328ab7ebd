import { INDICATOR_FIELDS, type IndicatorField } from '../../shared/model/index.ts';
import type { CollabCursor } from '../collab/peer.ts';
import type { CellPosition } from './grid-navigation.ts';
import { rangeBounds, type RangeBounds } from './grid-selection.ts';

/** A cell by row id and field: stays on its row when colleagues add, remove or reorder rows. */
export interface CellRef {
  rowId: string;
  field: IndicatorField;
}

/**
 * Where the user is in one grid: the active cell and the anchor of the selected range, kept by
 * row id. Positions are resolved against the current row order on every read, so the selection
 * follows its rows when they move; when the active row is deleted, the cursor stays at the index
 * it had. Framework-free; the grid element re-renders after changing it.
 */
export class GridCursor {
  /** The cell with the caret; null before the user entered the grid. */
  active: CellRef | null = null;
  /** The other corner of the selected range (equal to `active` for a single cell). */
  anchor: CellRef | null = null;
  #rowIds: readonly string[] = [];
  #rowIndex = new Map<string, number>();
  #lastRow = 0;

  /** The rows in table order, after every change of the document. */
  setRows(rowIds: readonly string[]): void {
    this.#rowIds = rowIds;
    this.#rowIndex = new Map(rowIds.map((id, i) => [id, i]));
  }

  /** Index of row `rowId`, or undefined when it is gone. */
  rowIndexOf(rowId: string): number | undefined {
    return this.#rowIndex.get(rowId);
  }

  /** The row index → id map, for colleagues' cursors. */
  get rowIndex(): ReadonlyMap<string, number> {
    return this.#rowIndex;
  }

  positionOf(ref: CellRef | null): CellPosition | null {
    const row = ref ? this.#rowIndex.get(ref.rowId) : undefined;
    return row === undefined || !ref ? null : { row, col: INDICATOR_FIELDS.indexOf(ref.field) };
  }

  /** Where the active cell is now; near where it was if its row was deleted; null when none. */
  activePosition(): CellPosition | null {
    if (this.#rowIds.length === 0 || !this.active) return null;
    const found = this.positionOf(this.active);
    if (found) {
      this.#lastRow = found.row;
      return found;
    }
    return { row: Math.min(this.#lastRow, this.#rowIds.length - 1), col: INDICATOR_FIELDS.indexOf(this.active.field) };
  }

  /** The selected rectangle; null without an active cell. */
  bounds(): RangeBounds | null {
    const active = this.activePosition();
    return active ? rangeBounds({ anchor: this.positionOf(this.anchor) ?? active, active }) : null;
  }

  refAt(at: CellPosition): CellRef | null {
    const rowId = this.#rowIds[at.row];
    const field = INDICATOR_FIELDS[at.col];
    return rowId !== undefined && field ? { rowId, field } : null;
  }

  /** Makes `at` the active cell; `extend` keeps the anchor (a range), otherwise the range collapses onto it. False when `at` is outside. */
  moveTo(at: CellPosition, extend: boolean): boolean {
    const ref = this.refAt(at);
    if (!ref) return false;
    if (!extend || !this.anchor) this.anchor = extend ? this.active : ref;
    this.active = ref;
    this.#lastRow = at.row;
    return true;
  }

  /** Selects from `anchor` to `active` (a pasted block) or, with one argument, just that cell. */
  select(active: CellRef, anchor: CellRef = active): void {
    this.anchor = anchor;
    this.active = active;
  }

  /** What colleagues see of this cursor (awareness `cursor`), or null when there is none. */
  toCollabCursor(projectId: string): CollabCursor | null {
    const a = this.active;
    if (!a) return null;
    const cursor: CollabCursor = { project: projectId, indicator: a.rowId, field: a.field };
    const b = this.anchor;
    if (b && (b.rowId !== a.rowId || b.field !== a.field)) cursor.range = { indicator: b.rowId, field: b.field };
    return cursor;
  }
}
