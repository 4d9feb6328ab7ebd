import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CellMatrix } from './clipboard-tsv.ts';
import { readClipboardMatrix, writeClipboardMatrix } from './grid-clipboard.ts';

/** What copy, cut and paste do to a grid, supplied by the grid element. */
export interface GridClipboardActions {
  /** True while a cell editor is open: its text field handles the clipboard itself. */
  editing(): boolean;
  readonly(): boolean;
  /** The selected cells' texts, or null without a selection. */
  selectedCells(): CellMatrix | null;
  /** Blanks the selected cells (after a cut). */
  clearSelection(): void;
  /** Writes a block of cells at the selection. */
  paste(matrix: CellMatrix): void;
}

/**
 * Copy, cut and paste of cell ranges with Excel, WPS and Google Sheets: the selection goes to the
 * clipboard as TSV and as an HTML table; a paste reads the HTML table (merged cells included) or
 * else the TSV. HTML is parsed with the browser's DOMParser, never inserted into the page.
 */
export class GridClipboardController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #actions: GridClipboardActions;

  constructor(host: ReactiveControllerHost & HTMLElement, actions: GridClipboardActions) {
    this.#host = host;
    this.#actions = actions;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.addEventListener('copy', this.#onCopy);
    this.#host.addEventListener('cut', this.#onCut);
    this.#host.addEventListener('paste', this.#onPaste);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('copy', this.#onCopy);
    this.#host.removeEventListener('cut', this.#onCut);
    this.#host.removeEventListener('paste', this.#onPaste);
  }

  readonly #onCopy = (event: ClipboardEvent): void => {
    if (this.#actions.editing() || !event.clipboardData) return;
    const cells = this.#actions.selectedCells();
    if (!cells) return;
    event.preventDefault();
    writeClipboardMatrix(event.clipboardData, cells);
  };

  readonly #onCut = (event: ClipboardEvent): void => {
    if (this.#actions.readonly()) return;
    this.#onCopy(event);
    if (event.defaultPrevented) this.#actions.clearSelection();
  };

  readonly #onPaste = (event: ClipboardEvent): void => {
    if (this.#actions.editing() || this.#actions.readonly() || !event.clipboardData) return;
    event.preventDefault();
    const matrix = readClipboardMatrix(event.clipboardData, (html) => new DOMParser().parseFromString(html, 'text/html'));
    if (matrix) this.#actions.paste(matrix);
  };
}
