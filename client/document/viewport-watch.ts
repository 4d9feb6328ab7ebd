import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * An IntersectionObserver over the host's rendered elements that match `selector`, with the
 * viewport grown by `margin`: observed again after every update of the host (elements come and
 * go with its renders), disconnected while the host is. `onEntries` gets the observer's entries.
 */
export class ViewportWatch implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #selector: string;
  readonly #margin: string;
  readonly #onEntries: (entries: IntersectionObserverEntry[]) => void;
  #observer: IntersectionObserver | null = null;

  constructor(host: ReactiveElement, selector: string, margin: string, onEntries: (entries: IntersectionObserverEntry[]) => void) {
    this.#host = host;
    this.#selector = selector;
    this.#margin = margin;
    this.#onEntries = onEntries;
    host.addController(this);
  }

  hostConnected(): void {
    this.#observer = new IntersectionObserver(this.#onEntries, { rootMargin: this.#margin });
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = null;
  }

  hostUpdated(): void {
    const observer = this.#observer;
    if (!observer) return;
    observer.disconnect();
    for (const el of this.#host.renderRoot.querySelectorAll(this.#selector)) observer.observe(el);
  }
}
