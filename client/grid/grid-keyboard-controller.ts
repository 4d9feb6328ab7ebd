import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { editingKeyAction, navigationKeyAction, type CellPosition, type GridKeyAction, type RowCommand } from './grid-navigation.ts';

/** What a grid lets its user do: everything, propose values (建议模式), or only look. */
export type GridKeyMode = 'edit' | 'suggest' | 'readonly';

/** What the keyboard does to a grid, supplied by the grid element. */
export interface GridKeyboardActions {
  /** The grid's size; a grid without rows ignores the keyboard. */
  size(): { rows: number; cols: number };
  /** The active cell, or null before one was picked. */
  active(): CellPosition | null;
  /** Whether a cell editor is open. */
  editing(): boolean;
  mode(): GridKeyMode;
  /** Offers the key to the open editor first (its list of values); true when the editor used it. */
  editorKey(event: KeyboardEvent): boolean;
  /** Makes `to` the active cell and focuses it; `extend` keeps the anchor (a range). */
  activate(to: CellPosition, extend: boolean): void;
  /** Selects every cell (Ctrl+A). */
  selectAll(): void;
  /** Opens the editor on `at`, empty (`replace`, a typed character follows) or with the cell's text. */
  startEdit(replace: boolean, at: CellPosition): void;
  /** Blanks the selected cells. */
  clear(): void;
  /** Closes the editor, writing its text, and moves to `then` (null: stays). */
  commit(then: CellPosition | null): void;
  /** Closes the editor without writing. */
  cancel(): void;
  /** Breaks the line at the editor's caret (Alt+Enter). */
  newline(): void;
  rowCommand(command: RowCommand): void;
  /** Fills the selection down (Ctrl+D) or right (Ctrl+R). */
  fill(direction: 'down' | 'right'): void;
  /** Opens the row menu below the active cell. */
  openMenu(): void;
}

/** Key actions of a read-only grid: moving around, selecting, the menu. */
const READONLY_ACTIONS: readonly GridKeyAction['kind'][] = ['move', 'extend', 'selectAll', 'menu'];
/** Key actions in 建议模式: also opening, committing and cancelling the editor (a commit proposes the value). */
const SUGGEST_ACTIONS: readonly GridKeyAction['kind'][] = [...READONLY_ACTIONS, 'edit', 'commit', 'cancel', 'newline'];

/**
 * The keyboard of a spreadsheet-like grid (Excel/WPS habits): turns each keydown into one
 * {@link GridKeyAction} (`grid-navigation.ts`), drops the actions the grid's mode forbids, and
 * carries out the rest through the grid's actions. Bound in the grid's template
 * (`@keydown=${keyboard.onKeyDown}`), so keys in the row menu, which sits outside the grid, stay the menu's.
 */
export class GridKeyboardController implements ReactiveController {
  readonly #actions: GridKeyboardActions;

  constructor(host: ReactiveControllerHost, actions: GridKeyboardActions) {
    this.#actions = actions;
    host.addController(this);
  }

  hostConnected(): void {}

  /** The keydown listener of the grid. */
  readonly onKeyDown = (event: KeyboardEvent): void => {
    const a = this.#actions;
    const size = a.size();
    if (size.rows === 0 || event.defaultPrevented) return;
    const at = a.active() ?? { row: 0, col: 0 };
    const editing = a.editing();
    if (editing && a.editorKey(event)) return;
    const action = editing ? editingKeyAction(event, at, size) : navigationKeyAction(event, at, size);
    const mode = a.mode();
    const allowed = mode === 'suggest' ? SUGGEST_ACTIONS : mode === 'readonly' ? READONLY_ACTIONS : null;
    if (action.kind === 'none' || (allowed && !allowed.includes(action.kind))) return;
    // A typed character must still reach the editor, which has focus by the time the default runs.
    if (!(action.kind === 'edit' && action.replace)) event.preventDefault();
    this.#perform(action, at);
  };

  #perform(action: GridKeyAction, at: CellPosition): void {
    const a = this.#actions;
    switch (action.kind) {
      case 'move': return a.activate(action.to, false);
      case 'extend': return a.activate(action.to, true);
      case 'selectAll': return a.selectAll();
      case 'edit': return a.startEdit(action.replace, at);
      case 'clear': return a.clear();
      case 'commit': return a.commit(action.then);
      case 'cancel': return a.cancel();
      case 'newline': return a.newline();
      case 'row': return a.rowCommand(action.command);
      case 'fill': return a.fill(action.direction);
      case 'menu': return a.openMenu();
      case 'none': return;
    }
  }
}
