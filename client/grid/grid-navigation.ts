/*
 * Keyboard model of a spreadsheet-like grid, free of DOM and Lit so it can grow (selection
 * ranges, copy/paste) and be tested on its own. Positions are 0-based data-cell indices.
 */

/** A data cell by row and column index. */
export interface CellPosition {
  row: number;
  col: number;
}

/** The grid's data size (header rows excluded). */
export interface GridSize {
  rows: number;
  cols: number;
}

/** The parts of a KeyboardEvent the model reads. */
export interface KeyInput {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  isComposing: boolean;
}

/**
 * What a key press asks the grid to do. `none` leaves the browser's default alone. `edit` with
 * `replace` starts an empty editor and lets the key itself (or the input method it starts)
 * write into it, so the browser's default must run after the editor has focus.
 */
export type GridKeyAction =
  | { kind: 'move'; to: CellPosition }
  | { kind: 'edit'; replace: boolean }
  | { kind: 'clear' }
  | { kind: 'commit'; then: CellPosition }
  | { kind: 'cancel' }
  | { kind: 'newline' }
  | { kind: 'none' };

const PAGE_ROWS = 10;

function clampTo(size: GridSize, row: number, col: number): CellPosition {
  return { row: Math.max(0, Math.min(size.rows - 1, row)), col: Math.max(0, Math.min(size.cols - 1, col)) };
}

/** The next cell in reading order (Tab), or null past the last cell so focus may leave the grid. */
function stepAcross(at: CellPosition, size: GridSize, backwards: boolean): CellPosition | null {
  const flat = at.row * size.cols + at.col + (backwards ? -1 : 1);
  if (flat < 0 || flat >= size.rows * size.cols) return null;
  return { row: Math.floor(flat / size.cols), col: flat % size.cols };
}

/** The action for a key pressed while cell `at` is active and not being edited. */
export function navigationKeyAction(input: KeyInput, at: CellPosition, size: GridSize): GridKeyAction {
  const ctrl = input.ctrlKey || input.metaKey;
  const move = (row: number, col: number): GridKeyAction => ({ kind: 'move', to: clampTo(size, row, col) });
  switch (input.key) {
    case 'ArrowUp': return move(ctrl ? 0 : at.row - 1, at.col);
    case 'ArrowDown': return move(ctrl ? size.rows - 1 : at.row + 1, at.col);
    case 'ArrowLeft': return move(at.row, ctrl ? 0 : at.col - 1);
    case 'ArrowRight': return move(at.row, ctrl ? size.cols - 1 : at.col + 1);
    case 'Home': return ctrl ? move(0, 0) : move(at.row, 0);
    case 'End': return ctrl ? move(size.rows - 1, size.cols - 1) : move(at.row, size.cols - 1);
    case 'PageUp': return move(at.row - PAGE_ROWS, at.col);
    case 'PageDown': return move(at.row + PAGE_ROWS, at.col);
    case 'Tab': {
      const to = stepAcross(at, size, input.shiftKey);
      return to ? { kind: 'move', to } : { kind: 'none' };
    }
    case 'Enter':
    case 'F2': return { kind: 'edit', replace: false };
    case 'Delete':
    case 'Backspace': return { kind: 'clear' };
    // An input method is starting: open the editor so the composition happens inside it.
    case 'Process': return { kind: 'edit', replace: true };
  }
  if (input.key.length === 1 && !ctrl && !input.altKey) return { kind: 'edit', replace: true };
  return { kind: 'none' };
}

/** The action for a key pressed inside the editor of cell `at`. */
export function editingKeyAction(input: KeyInput, at: CellPosition, size: GridSize): GridKeyAction {
  // Enter while composing picks an input-method candidate; it must not commit the cell.
  if (input.isComposing || input.key === 'Process') return { kind: 'none' };
  switch (input.key) {
    case 'Escape': return { kind: 'cancel' };
    case 'Enter':
      // Alt+Enter (or Ctrl+Enter) breaks the line inside the cell, as in spreadsheets.
      if (input.altKey || input.ctrlKey || input.metaKey) return { kind: 'newline' };
      return { kind: 'commit', then: clampTo(size, at.row + (input.shiftKey ? -1 : 1), at.col) };
    case 'Tab':
      return { kind: 'commit', then: stepAcross(at, size, input.shiftKey) ?? at };
  }
  return { kind: 'none' };
}
