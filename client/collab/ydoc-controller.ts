import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type * as Y from 'yjs';

/** One change event of a shared type or of a type nested in it. */
export type ObservedEvent = Y.YEvent<Y.AbstractType<unknown>>;

/** A shared type an element can watch (Y.Map, Y.Text, Y.Array …), with everything nested in it. */
export interface ObservedType {
  observeDeep(f: (events: ObservedEvent[], transaction: Y.Transaction) => void): void;
  unobserveDeep(f: (events: ObservedEvent[], transaction: Y.Transaction) => void): void;
}

/**
 * Re-renders its host when shared types of the Y.Doc change. Renders read the Y.Doc directly;
 * Lit coalesces the many changes of one sync message into a single update.
 * The host calls `observe()` with the types to watch, again whenever they may have changed.
 */
export class YDocController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #filter: ((events: readonly ObservedEvent[]) => boolean) | undefined;
  #targets: readonly ObservedType[] = [];
  #connected = false;
  readonly #onEvents = (events: ObservedEvent[]): void => {
    if (!this.#filter || this.#filter(events)) this.#host.requestUpdate();
  };

  /** `filter`, when given, picks the changes worth a re-render (e.g. only the list, not every cell). */
  constructor(host: ReactiveControllerHost, filter?: (events: readonly ObservedEvent[]) => boolean) {
    this.#host = host;
    this.#filter = filter;
    host.addController(this);
  }

  /** Watches `targets` instead of the current ones; a no-op when they are the same. */
  observe(targets: readonly ObservedType[]): void {
    if (targets.length === this.#targets.length && targets.every((t, i) => t === this.#targets[i])) return;
    this.#unsubscribe();
    this.#targets = targets;
    if (this.#connected) this.#subscribe();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#subscribe();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unsubscribe();
  }

  #subscribe(): void {
    for (const t of this.#targets) t.observeDeep(this.#onEvents);
  }

  #unsubscribe(): void {
    for (const t of this.#targets) t.unobserveDeep(this.#onEvents);
  }
}
