import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A row being dragged by its handle: which row, and before which row (0..n) it would land. */
export interface RowDrag {
  rowId: string;
  from: number;
  insertBefore: number;
}

/** The class of row `row` (of `count`) while `drag` is under way: the dragged row, or where the drop line shows. */
export function rowDragClass(drag: RowDrag | null, row: number, count: number): string {
  if (!drag) return '';
  if (drag.from === row) return 'dragging';
  // Dropping right above or below itself moves nothing: no line there.
  if (drag.insertBefore === row && drag.from !== row - 1) return 'drop-before';
  if (row === count - 1 && drag.insertBefore === count && drag.from !== row) return 'drop-after';
  return '';
}

/**
 * Drag-and-drop of grid rows by their handle, with pointer events (mouse, pen and touch alike).
 * The host starts a drag from the handle's `pointerdown`; while the pointer moves, `drag` says
 * where the row would land (the host draws a drop line); on release `onDrop(rowId, toIndex)` gets
 * the index in the list without the row, which is what `moveIndicator` takes.
 */
export class RowDragController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #rowRects: () => DOMRect[];
  readonly #onDrop: (rowId: string, toIndex: number) => void;
  #drag: RowDrag | null = null;

  constructor(host: ReactiveControllerHost, rowRects: () => DOMRect[], onDrop: (rowId: string, toIndex: number) => void) {
    this.#host = host;
    this.#rowRects = rowRects;
    this.#onDrop = onDrop;
    host.addController(this);
  }

  /** The drag in progress, or null. */
  get drag(): RowDrag | null {
    return this.#drag;
  }

  /** Starts dragging row `rowId` (at index `from`) from a `pointerdown` on its handle. */
  start(event: PointerEvent, rowId: string, from: number): void {
    if (event.button !== 0) return;
    event.preventDefault();
    const handle = event.currentTarget as Element;
    handle.setPointerCapture?.(event.pointerId);
    this.#drag = { rowId, from, insertBefore: from };
    handle.addEventListener('pointermove', this.#onMove);
    handle.addEventListener('pointerup', this.#onUp);
    handle.addEventListener('pointercancel', this.#onCancel);
    this.#host.requestUpdate();
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.#drag = null;
  }

  readonly #onMove = (event: Event): void => {
    if (!this.#drag) return;
    const y = (event as PointerEvent).clientY;
    const rects = this.#rowRects();
    let insertBefore = rects.length;
    for (let i = 0; i < rects.length; i++) {
      const r = rects[i];
      if (r && y < r.top + r.height / 2) {
        insertBefore = i;
        break;
      }
    }
    if (insertBefore !== this.#drag.insertBefore) {
      this.#drag = { ...this.#drag, insertBefore };
      this.#host.requestUpdate();
    }
  };

  readonly #onUp = (event: Event): void => {
    const drag = this.#drag;
    this.#end(event.currentTarget as Element);
    if (!drag) return;
    const toIndex = drag.insertBefore > drag.from ? drag.insertBefore - 1 : drag.insertBefore;
    if (toIndex !== drag.from) this.#onDrop(drag.rowId, toIndex);
  };

  readonly #onCancel = (event: Event): void => this.#end(event.currentTarget as Element);

  #end(handle: Element): void {
    handle.removeEventListener('pointermove', this.#onMove);
    handle.removeEventListener('pointerup', this.#onUp);
    handle.removeEventListener('pointercancel', this.#onCancel);
    this.#drag = null;
    this.#host.requestUpdate();
  }
}
