import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { UndoHistoryChangeEvent, type UndoHistory } from './undo-history.ts';

/** Re-renders its host when what an {@link UndoHistory} can undo or redo changes. */
export class UndoController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #history: UndoHistory | null = null;
  #connected = false;
  readonly #onChange = (): void => this.#host.requestUpdate();

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** The followed history, or null. */
  get history(): UndoHistory | null {
    return this.#history;
  }

  /** Follows `history` from now on (call from the host's `willUpdate`). */
  setHistory(history: UndoHistory | null): void {
    if (history === this.#history) return;
    this.#history?.removeEventListener(UndoHistoryChangeEvent.eventName, this.#onChange);
    this.#history = history;
    if (this.#connected) this.#history?.addEventListener(UndoHistoryChangeEvent.eventName, this.#onChange);
  }

  hostConnected(): void {
    this.#connected = true;
    this.#history?.addEventListener(UndoHistoryChangeEvent.eventName, this.#onChange);
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#history?.removeEventListener(UndoHistoryChangeEvent.eventName, this.#onChange);
  }
}
