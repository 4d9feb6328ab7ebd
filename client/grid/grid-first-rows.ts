import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { afterNextPaint } from '../idle.ts';

/** Rows a grid renders before its first paint: about a screenful. */
const FIRST_ROWS = 12;

/**
 * Renders a long grid in two steps: its first {@link FIRST_ROWS} rows at once, the rest right
 * after that first frame is painted, so opening a document does not wait for every row of its
 * tables. Anything that goes to a row (focus, the keyboard, a reveal) asks for all rows first.
 */
export class GridFirstRows implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #all = false;
  #cancel: (() => void) | null = null;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** The rows to render now. */
  visible<T>(rows: readonly T[]): readonly T[] {
    return this.#all || rows.length <= FIRST_ROWS ? rows : rows.slice(0, FIRST_ROWS);
  }

  /** Renders every row from the next update on. */
  showAll(): void {
    if (this.#all) return;
    this.#all = true;
    this.#cancel?.();
    this.#cancel = null;
    this.#host.requestUpdate();
  }

  hostUpdated(): void {
    if (!this.#all && !this.#cancel) this.#cancel = afterNextPaint(() => this.showAll());
  }

  hostDisconnected(): void {
    this.#cancel?.();
    this.#cancel = null;
  }
}
