import type { ReactiveElement } from 'lit';
import { ViewportWatch } from './viewport-watch.ts';

/**
 * Renders long lists lazily: the host renders a cheap placeholder with `data-reveal-id` for each
 * entry not yet revealed, and this controller reveals an entry (re-rendering the host) once its
 * placeholder comes within `margin` of the viewport. Revealed entries stay rendered (their
 * inputs keep focus and state); far from the viewport, layout and paint skip them (FarController).
 */
export class RevealController {
  readonly #host: ReactiveElement;
  readonly #revealed = new Set<string>();

  constructor(host: ReactiveElement, margin = '600px') {
    this.#host = host;
    new ViewportWatch(host, '[data-reveal-id]', margin, (entries) => this.#onIntersect(entries));
  }

  /** Whether entry `id` is (to be) rendered in full. */
  isRevealed(id: string): boolean {
    return this.#revealed.has(id);
  }

  /** Renders entry `id` in full from the next update on; resolves once the host has updated. */
  async reveal(id: string): Promise<void> {
    if (!this.#revealed.has(id)) {
      this.#revealed.add(id);
      this.#host.requestUpdate();
    }
    await this.#host.updateComplete;
  }

  /** Forgets every entry (a different document was opened). */
  reset(): void {
    this.#revealed.clear();
  }

  #onIntersect(entries: IntersectionObserverEntry[]): void {
    let changed = false;
    for (const entry of entries) {
      const id = (entry.target as HTMLElement).dataset['revealId'];
      if (!entry.isIntersecting || id === undefined || this.#revealed.has(id)) continue;
      this.#revealed.add(id);
      changed = true;
    }
    if (changed) this.#host.requestUpdate();
  }
}
