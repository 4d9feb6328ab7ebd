import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ColumnResizeEvent } from './column-resize-event.ts';
import { columnTemplate, parseColumnWidths, type ColumnWidths } from './column-widths.ts';

/** localStorage key of one person's column widths in one document (versioned, so the layout can change). */
function storageKey(sub: string, docId: string): string {
  return `jixiao:column-widths:v1:${sub}:${docId}`;
}

/**
 * The indicator columns' widths in the host's document, as this person left them: every grid
 * below the host follows them (through `--jx-grid-columns`, which inherits into the grids'
 * shadow roots), a `column-resize` from any grid changes them, and they are remembered in
 * localStorage per person and document. Storage that refuses writes (private mode, full) only
 * loses the memory, never the resize.
 */
export class ColumnWidthsController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #who: () => { sub: string; docId: string } | null;
  #key: string | null = null;
  #widths: ColumnWidths = {};
  readonly #onResize = (event: Event): void => {
    if (!(event instanceof ColumnResizeEvent)) return;
    const next = { ...this.#widths };
    if (event.width === null) delete next[event.field];
    else next[event.field] = event.width;
    this.#apply(next);
    if (!this.#key) return;
    try {
      localStorage.setItem(this.#key, JSON.stringify(next));
    } catch {
      // Nothing to tell: the columns keep their width for this visit.
    }
  };

  /** `who`: the signed-in person's sub and the document id, or null until both are known. */
  constructor(host: ReactiveControllerHost & HTMLElement, who: () => { sub: string; docId: string } | null) {
    this.#host = host;
    this.#who = who;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.addEventListener(ColumnResizeEvent.eventName, this.#onResize);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener(ColumnResizeEvent.eventName, this.#onResize);
  }

  hostUpdate(): void {
    const who = this.#who();
    const key = who ? storageKey(who.sub, who.docId) : null;
    if (key === this.#key) return;
    this.#key = key;
    let stored: string | null = null;
    try {
      stored = key ? localStorage.getItem(key) : null;
    } catch {
      stored = null;
    }
    this.#apply(parseColumnWidths(stored));
  }

  #apply(widths: ColumnWidths): void {
    this.#widths = widths;
    if (Object.keys(widths).length === 0) this.#host.style.removeProperty('--jx-grid-columns');
    else this.#host.style.setProperty('--jx-grid-columns', columnTemplate(widths));
  }
}
