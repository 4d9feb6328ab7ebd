import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * Marks the rendered elements matching `selector` that are farther than `margin` from the
 * viewport with a `far` attribute, so CSS can let the browser skip their layout and paint
 * (`content-visibility: auto`) while they are out of sight. Only far ones: that property also
 * contains the element's painting and fixed positioning, which would clip a menu or popover
 * opened inside a project on screen. A 1,500-row document scrolled through once laid out every
 * project on every keystroke (bench README, tenth pass).
 */
export class FarController implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #selector: string;
  readonly #margin: string;
  #observer: IntersectionObserver | null = null;

  constructor(host: ReactiveElement, selector: string, margin: string) {
    this.#host = host;
    this.#selector = selector;
    this.#margin = margin;
    host.addController(this);
  }

  hostConnected(): void {
    this.#observer = new IntersectionObserver((entries) => {
      for (const entry of entries) entry.target.toggleAttribute('far', !entry.isIntersecting);
    }, { rootMargin: this.#margin });
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
