import type * as Y from 'yjs';
import { INDICATOR_FIELDS, addIndicator, moveIndicator, pasteIndicators, setIndicatorCells } from '../../shared/model/index.ts';
import type { UndoHistory } from '../undo/undo-history.ts';
import type { CellMatrix } from './clipboard-tsv.ts';
import type { GridCursor } from './grid-cursor.ts';
import type { RowCommand } from './grid-navigation.ts';
import { runRowCommand } from './grid-row-commands.ts';
import { cellsIn, fitPasteToSelection } from './grid-selection.ts';

/*
 * The grid's edits of whole selections and rows, free of Lit: each is one transaction with the
 * tab's origin, closed off in the undo history so it is exactly one undo step, and each leaves
 * the cursor where a spreadsheet would. Each returns false when it changed nothing.
 */

/** Where the edits go: one project of a document, as this tab. */
export interface GridEditTarget {
  doc: Y.Doc;
  projectId: string;
  origin: unknown;
  history: UndoHistory | null;
}

/** Runs `change` as its own undo step, never merged with the typing before or after it. */
function asOneStep<T>(target: GridEditTarget, change: () => T): T {
  target.history?.stopCapturing();
  const result = change();
  target.history?.stopCapturing();
  return result;
}

/** Blanks every selected cell (Delete, Backspace, cut). */
export function clearSelectedCells(target: GridEditTarget, cursor: GridCursor): boolean {
  const bounds = cursor.bounds();
  if (!bounds) return false;
  const writes = cellsIn(bounds).flatMap((at) => {
    const ref = cursor.refAt(at);
    return ref ? [{ indicator: ref.rowId, field: ref.field, value: '' }] : [];
  });
  return !!asOneStep(target, () => setIndicatorCells(target.doc, target.projectId, writes, target.origin));
}

/** Pastes a block at the selection (filling it with a single cell); the pasted block becomes the selection. */
export function pasteAtSelection(target: GridEditTarget, cursor: GridCursor, cells: CellMatrix): boolean {
  const bounds = cursor.bounds() ?? { top: 0, left: 0, bottom: 0, right: 0 };
  const { at, matrix } = fitPasteToSelection(cells, bounds);
  const result = asOneStep(target, () => pasteIndicators(target.doc, target.projectId, at.row, at.col, matrix, target.origin));
  const first = result?.rowIds[0];
  const last = result?.rowIds[result.rowIds.length - 1];
  const left = INDICATOR_FIELDS[at.col];
  const right = INDICATOR_FIELDS[Math.min(INDICATOR_FIELDS.length - 1, at.col + (matrix[0]?.length ?? 1) - 1)];
  if (!first || !last || !left || !right) return false;
  cursor.select({ rowId: last, field: right }, { rowId: first, field: left });
  return true;
}

/** Runs a row command on the selected rows; a moved block stays selected, an inserted or duplicated row becomes active. */
export function runRowCommandOnSelection(target: GridEditTarget, cursor: GridCursor, rowIds: readonly string[], command: RowCommand): boolean {
  const bounds = cursor.bounds();
  if (!bounds) return false;
  const field = cursor.active?.field ?? 'level1';
  const result = asOneStep(target, () => runRowCommand(target.doc, target.projectId, rowIds, command, bounds, target.origin));
  // Moved rows keep their ids, so the selection moves with them.
  if (command === 'moveUp' || command === 'moveDown') return result.shift !== 0;
  if (result.focusRowId) cursor.select({ rowId: result.focusRowId, field });
  return true;
}

/** Moves one row (dragged by its handle) to `toIndex` of the rows without it; it becomes the selection. */
export function moveRowTo(target: GridEditTarget, cursor: GridCursor, rowId: string, toIndex: number): boolean {
  const moved = asOneStep(target, () => moveIndicator(target.doc, target.projectId, rowId, toIndex, target.origin));
  cursor.select({ rowId, field: cursor.active?.field ?? 'level1' });
  return moved;
}

/** Appends an empty row and puts the cursor on its first cell. */
export function appendRow(target: GridEditTarget, cursor: GridCursor): boolean {
  const id = asOneStep(target, () => addIndicator(target.doc, target.projectId, {}, undefined, target.origin));
  if (id === null) return false;
  cursor.select({ rowId: id, field: INDICATOR_FIELDS[0] });
  return true;
}
