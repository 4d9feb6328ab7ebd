/** Socket events a hold keeps back, in the order they came. */
const HELD_EVENTS = new Set(['message', 'close']);

/**
 * Keeps a WebSocket's incoming messages (and its close, so it stays after them) back while held,
 * then delivers them in order. A DocSession holds its socket from a first screen until the page
 * painted it: the SyncStep2 right behind it takes ~150 ms of decoding on a large document, and
 * delivered at once it would come before the paint.
 */
export class MessageHold {
  #queue: Array<() => void> | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** Holds what comes from now on, until `release()` or at the latest after `maxMs`. */
  hold(maxMs: number): void {
    this.#queue ??= [];
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.release(), maxMs);
  }

  /** Delivers what was held, in order, and stops holding. */
  release(): void {
    clearTimeout(this.#timer);
    const queue = this.#queue;
    this.#queue = null;
    // As the browser would: a listener that throws does not keep the next events from theirs.
    queue?.forEach((deliver) => {
      try {
        deliver();
      } catch (error) {
        reportError(error);
      }
    });
  }

  /** A WebSocket class (Hocuspocus' `WebSocketPolyfill`) whose message and close listeners this hold gates. */
  webSocketClass(): typeof WebSocket {
    const gate = (deliver: () => void) => (this.#queue ? this.#queue.push(deliver) : deliver());
    return class HeldWebSocket extends WebSocket {
      /** The wrapper of each listener, per event type (to remove it again). */
      readonly #wrapped = new Map<string, Map<EventListenerOrEventListenerObject, EventListener>>();

      override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void {
        if (!listener || !HELD_EVENTS.has(type)) return super.addEventListener(type, listener as EventListenerOrEventListenerObject, options);
        const wrapped = (event: Event) => gate(() => (typeof listener === 'function' ? listener.call(this, event) : listener.handleEvent(event)));
        if (!this.#wrapped.has(type)) this.#wrapped.set(type, new Map());
        this.#wrapped.get(type)?.set(listener, wrapped);
        super.addEventListener(type, wrapped, options);
      }

      override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void {
        const wrapped = listener ? this.#wrapped.get(type)?.get(listener) : undefined;
        if (wrapped) this.#wrapped.get(type)?.delete(listener as EventListenerOrEventListenerObject);
        super.removeEventListener(type, (wrapped ?? listener) as EventListenerOrEventListenerObject, options);
      }
    };
  }
}
