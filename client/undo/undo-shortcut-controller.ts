import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { UndoHistory } from './undo-history.ts';

/**
 * Ctrl+Z / Ctrl+Y / Ctrl+Shift+Z anywhere inside the host undo and redo this user's own
 * changes, through the history `history()` returns (none, or `readonly()`: the keys are left
 * alone). An open cell editor (`data-native-undo`) keeps the browser's undo of its typing.
 */
export class UndoShortcutController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #history: () => UndoHistory | null;
  readonly #readonly: () => boolean;

  constructor(host: ReactiveControllerHost & HTMLElement, history: () => UndoHistory | null, readonly: () => boolean) {
    this.#host = host;
    this.#history = history;
    this.#readonly = readonly;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.addEventListener('keydown', this.#onKeyDown);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('keydown', this.#onKeyDown);
  }

  readonly #onKeyDown = (event: KeyboardEvent): void => {
    const history = this.#history();
    if (!history || !(event.ctrlKey || event.metaKey) || event.altKey || this.#readonly()) return;
    const key = event.key.toLowerCase();
    const undo = key === 'z' && !event.shiftKey;
    const redo = key === 'y' || (key === 'z' && event.shiftKey);
    if (!undo && !redo) return;
    const target = event.composedPath()[0];
    if (target instanceof HTMLElement && target.hasAttribute('data-native-undo')) return;
    event.preventDefault();
    if (undo) history.undo();
    else history.redo();
  };
}
