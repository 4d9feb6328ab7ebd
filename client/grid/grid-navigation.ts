/*
 * Keyboard model of a spreadsheet-like grid, free of DOM and Lit so it can be tested on its own.
 * Positions are 0-based data-cell indices.
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

/** A row command, from the keyboard or the row menu. */
export type RowCommand = 'insertAbove' | 'insertBelow' | 'delete' | 'duplicate' | 'moveUp' | 'moveDown';

/**
 * What a key press asks the grid to do. `none` leaves the browser's default alone. `edit` with
 * `replace` starts an empty editor and lets the key itself (or the input method it starts)
 * write into it, so the browser's default must run after the editor has focus. `move` collapses
 * the selection onto `to`; `extend` keeps the anchor and moves the active corner.
 */
export type GridKeyAction =
  | { kind: 'move'; to: CellPosition }
  | { kind: 'extend'; to: CellPosition }
  | { kind: 'selectAll' }
  | { kind: 'edit'; replace: boolean }
  | { kind: 'clear' }
  | { kind: 'commit'; then: CellPosition }
  | { kind: 'cancel' }
  | { kind: 'newline' }
  | { kind: 'row'; command: RowCommand }
  | { kind: 'fill'; direction: 'down' | 'right' }
  | { kind: 'menu' }
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

/** Where an arrow, Home/End or Page key leads from `at`; Ctrl jumps to the edge. Null for other keys. */
function target(input: KeyInput, at: CellPosition, size: GridSize): CellPosition | null {
  const ctrl = input.ctrlKey || input.metaKey;
  switch (input.key) {
    case 'ArrowUp': return clampTo(size, ctrl ? 0 : at.row - 1, at.col);
    case 'ArrowDown': return clampTo(size, ctrl ? size.rows - 1 : at.row + 1, at.col);
    case 'ArrowLeft': return clampTo(size, at.row, ctrl ? 0 : at.col - 1);
    case 'ArrowRight': return clampTo(size, at.row, ctrl ? size.cols - 1 : at.col + 1);
    case 'Home': return ctrl ? clampTo(size, 0, 0) : clampTo(size, at.row, 0);
    case 'End': return ctrl ? clampTo(size, size.rows - 1, size.cols - 1) : clampTo(size, at.row, size.cols - 1);
    case 'PageUp': return clampTo(size, at.row - PAGE_ROWS, at.col);
    case 'PageDown': return clampTo(size, at.row + PAGE_ROWS, at.col);
  }
  return null;
}

/**
 * Row shortcuts: Alt+↑/↓ move the row; Ctrl+Shift+= (Excel's Ctrl++) inserts above and
 * Ctrl+Alt+= below; Ctrl+- deletes; Ctrl+Shift+D duplicates.
 */
function rowCommand(input: KeyInput): RowCommand | null {
  const ctrl = input.ctrlKey || input.metaKey;
  if (input.altKey && !ctrl && !input.shiftKey && input.key === 'ArrowUp') return 'moveUp';
  if (input.altKey && !ctrl && !input.shiftKey && input.key === 'ArrowDown') return 'moveDown';
  if (!ctrl) return null;
  if ((input.key === '+' || input.key === '=') && input.altKey) return 'insertBelow';
  if (input.key === '+' || (input.key === '=' && input.shiftKey)) return 'insertAbove';
  if ((input.key === '-' || input.key === '_') && !input.altKey) return 'delete';
  if (input.shiftKey && (input.key === 'D' || input.key === 'd')) return 'duplicate';
  return null;
}

/** The action for a key pressed while cell `at` is active and not being edited. */
export function navigationKeyAction(input: KeyInput, at: CellPosition, size: GridSize): GridKeyAction {
  const ctrl = input.ctrlKey || input.metaKey;
  const command = rowCommand(input);
  if (command) return { kind: 'row', command };
  const to = target(input, at, size);
  if (to && !input.altKey) return { kind: input.shiftKey ? 'extend' : 'move', to };
  switch (input.key) {
    case 'Tab': {
      const next = stepAcross(at, size, input.shiftKey);
      return next ? { kind: 'move', to: next } : { kind: 'none' };
    }
    case 'Enter':
    case 'F2': return { kind: 'edit', replace: false };
    case 'Delete':
    case 'Backspace': return { kind: 'clear' };
    case 'ContextMenu': return { kind: 'menu' };
    case 'F10': return input.shiftKey ? { kind: 'menu' } : { kind: 'none' };
    // An input method is starting: open the editor so the composition happens inside it.
    case 'Process': return { kind: 'edit', replace: true };
  }
  if (ctrl && !input.altKey && (input.key === 'a' || input.key === 'A')) return { kind: 'selectAll' };
  // Excel's fill down / fill right (Ctrl+Shift+D stays duplicate-row, matched above).
  if (ctrl && !input.altKey && !input.shiftKey && (input.key === 'd' || input.key === 'D')) return { kind: 'fill', direction: 'down' };
  if (ctrl && !input.altKey && !input.shiftKey && (input.key === 'r' || input.key === 'R')) return { kind: 'fill', direction: 'right' };
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
