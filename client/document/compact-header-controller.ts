import type { ReactiveController, ReactiveElement } from 'lit';

/** Scrolled further than this (px), the document's header shrinks to one line. */
const COMPACT_AFTER = 80;
/** Back above this (px), it shows in full again; the gap keeps the shrinking from flickering. */
const FULL_BEFORE = 8;

/**
 * Keeps the document's sticky header small while the user reads: sets the host's `compact`
 * attribute once the window has scrolled (the styles then show one line), and publishes the
 * header's height as `--jx-sticky-top`, so each grid's column header row sticks right below it.
 */
export class CompactHeaderController implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #header: () => HTMLElement | null;
  readonly #resize = new ResizeObserver(() => this.#publishHeight());
  #observed: HTMLElement | null = null;

  constructor(host: ReactiveElement, header: () => HTMLElement | null) {
    this.#host = host;
    this.#header = header;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('scroll', this.#onScroll, { passive: true });
  }

  hostDisconnected(): void {
    window.removeEventListener('scroll', this.#onScroll);
    this.#resize.disconnect();
    this.#observed = null;
  }

  hostUpdated(): void {
    const header = this.#header();
    if (header === this.#observed) return;
    this.#resize.disconnect();
    this.#observed = header;
    if (header) this.#resize.observe(header);
  }

  readonly #onScroll = (): void => {
    const compact = this.#host.hasAttribute('compact');
    if (!compact && window.scrollY > COMPACT_AFTER) this.#host.setAttribute('compact', '');
    else if (compact && window.scrollY < FULL_BEFORE) this.#host.removeAttribute('compact');
  };

  #publishHeight(): void {
    const height = this.#observed?.getBoundingClientRect().height ?? 0;
    this.#host.style.setProperty('--jx-sticky-top', `${Math.round(height)}px`);
  }
}
