import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * Renders long lists lazily: the host renders a cheap placeholder with `data-reveal-id` for each
 * entry not yet revealed, and this controller reveals an entry (re-rendering the host) once its
 * placeholder comes within `margin` of the viewport. Revealed entries stay rendered (their
 * inputs keep focus and state); far from the viewport, layout and paint skip them (FarController).
 */
export class RevealController implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #margin: string;
  readonly #revealed = new Set<string>();
  #observer: IntersectionObserver | null = null;

  constructor(host: ReactiveElement, margin = '600px') {
    this.#host = host;
    this.#margin = margin;
    host.addController(this);
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

  hostConnected(): void {
    this.#observer = new IntersectionObserver((entries) => this.#onIntersect(entries), { rootMargin: this.#margin });
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = null;
  }

  hostUpdated(): void {
    const observer = this.#observer;
    if (!observer) return;
    observer.disconnect();
    for (const el of this.#host.renderRoot.querySelectorAll<HTMLElement>('[data-reveal-id]')) observer.observe(el);
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
