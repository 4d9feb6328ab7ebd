import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CellPosition } from './grid-navigation.ts';
import { boundsContain, type RangeBounds } from './grid-selection.ts';

/** What the mouse does to a grid, supplied by the grid element. */
export interface GridPointerActions {
  /** The selected rectangle, or null. */
  selection(): RangeBounds | null;
  /** Whether a cell editor is open (clicks inside it are the editor's own). */
  editing(): boolean;
  /** Makes `at` the active cell; `extend` keeps the anchor (Shift+click, dragging). */
  select(at: CellPosition, extend: boolean): void;
  /** Opens the editor on `at` (double-click). */
  edit(at: CellPosition): void;
  /** Opens the row menu at viewport coordinates (right click); false when the grid has none. */
  menu(x: number, y: number): boolean;
}

/**
 * Spreadsheet mouse habits of a grid element: click selects a cell, Shift+click and click-drag
 * select a range, double-click edits, right click opens the row menu (keeping the selection when
 * the click is inside it). Listens on the host: composed events from its cells arrive there, and
 * `composedPath()[0]` says which cell.
 */
export class GridPointerController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #actions: GridPointerActions;
  #dragging = false;
  // The cell the drag last reached, so moving inside one cell selects nothing new.
  #last: CellPosition | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, actions: GridPointerActions) {
    this.#host = host;
    this.#actions = actions;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.addEventListener('pointerdown', this.#onDown);
    this.#host.addEventListener('pointermove', this.#onMove);
    this.#host.addEventListener('dblclick', this.#onDoubleClick);
    this.#host.addEventListener('contextmenu', this.#onContextMenu);
    window.addEventListener('pointerup', this.#onUp);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('pointerdown', this.#onDown);
    this.#host.removeEventListener('pointermove', this.#onMove);
    this.#host.removeEventListener('dblclick', this.#onDoubleClick);
    this.#host.removeEventListener('contextmenu', this.#onContextMenu);
    window.removeEventListener('pointerup', this.#onUp);
  }

  #cellOf(event: Event): { el: HTMLElement; at: CellPosition } | null {
    const target = event.composedPath()[0];
    const el = target instanceof Element ? target.closest<HTMLElement>('[role="gridcell"]') : null;
    if (!el || el.getRootNode() !== this.#host.shadowRoot) return null;
    return { el, at: { row: Number(el.dataset['row']), col: Number(el.dataset['col']) } };
  }

  readonly #onDown = (event: PointerEvent): void => {
    const cell = this.#cellOf(event);
    if (!cell || cell.el.classList.contains('editing')) return;
    if (event.button === 2) {
      const bounds = this.#actions.selection();
      if (!bounds || !boundsContain(bounds, cell.at)) this.#actions.select(cell.at, false);
      return;
    }
    if (event.button !== 0) return;
    this.#actions.select(cell.at, event.shiftKey);
    this.#dragging = !event.shiftKey;
    this.#last = cell.at;
  };

  // pointermove, not pointerover: Chrome sends no boundary events while a button is held.
  readonly #onMove = (event: PointerEvent): void => {
    if (!this.#dragging || (event.buttons & 1) === 0) return;
    const cell = this.#cellOf(event);
    if (!cell || (cell.at.row === this.#last?.row && cell.at.col === this.#last.col)) return;
    this.#last = cell.at;
    this.#actions.select(cell.at, true);
  };

  readonly #onUp = (): void => {
    this.#dragging = false;
  };

  readonly #onDoubleClick = (event: MouseEvent): void => {
    const cell = this.#cellOf(event);
    if (cell && !this.#actions.editing()) this.#actions.edit(cell.at);
  };

  readonly #onContextMenu = (event: MouseEvent): void => {
    if (this.#cellOf(event) && this.#actions.menu(event.clientX, event.clientY)) event.preventDefault();
  };
}
