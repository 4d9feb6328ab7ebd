import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Gives the elements a popover must leave visible: sticky headers, the open side panel. */
type ObstacleSource = () => Iterable<Element>;

const sources = new Set<ObstacleSource>();

/**
 * Registers, while its host is connected, elements that popovers (finding hints, history, new
 * comment) must never cover: the document's sticky header, each grid's column header row, the
 * side panel. Popovers live in the top layer, above every stacking context, so without this they
 * would hide the very headers that say what a cell is.
 */
export class PopoverObstacles implements ReactiveController {
  readonly #source: ObstacleSource;

  /** `source()` = the host's obstacles as rendered now (read when a popover is placed). */
  constructor(host: ReactiveControllerHost, source: ObstacleSource) {
    this.#source = source;
    host.addController(this);
  }

  hostConnected(): void {
    sources.add(this.#source);
  }

  hostDisconnected(): void {
    sources.delete(this.#source);
  }
}

// Across shadow roots: an obstacle holding the anchor (a header field) does not push it away.
function holds(outer: Element, inner: Node): boolean {
  for (let node: Node | null = inner; node; node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null)) {
    if (node === outer) return true;
  }
  return false;
}

/** The boxes, on screen now, of every registered obstacle except those that hold `anchor`. */
export function obstacleBoxes(anchor: Element): DOMRect[] {
  const boxes: DOMRect[] = [];
  for (const source of sources) {
    for (const el of source()) {
      if (!el.isConnected || holds(el, anchor)) continue;
      const r = el.getBoundingClientRect();
      const onScreen = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < window.innerHeight && r.left < window.innerWidth;
      if (onScreen) boxes.push(r);
    }
  }
  return boxes;
}
