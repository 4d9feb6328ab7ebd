import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Ctrl+F (find) and Ctrl+H (find and replace) anywhere in the window while the host is on the
 * page open jixiao's find bar instead of the browser's, which cannot see the projects that are
 * not rendered yet.
 */
export class FindShortcutController implements ReactiveController {
  readonly #open: (replacing: boolean) => void;

  constructor(host: ReactiveControllerHost, open: (replacing: boolean) => void) {
    this.#open = open;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('keydown', this.#onKeyDown);
  }

  hostDisconnected(): void {
    window.removeEventListener('keydown', this.#onKeyDown);
  }

  readonly #onKeyDown = (event: KeyboardEvent): void => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
    const key = event.key.toLowerCase();
    if (key !== 'f' && key !== 'h') return;
    event.preventDefault();
    this.#open(key === 'h');
  };
}
