/** How often a sweep looks for expired entries (ms). */
const EXPIRY_SWEEP_MS = 1_000;

/**
 * Closes what a token keeps open (a socket, an event stream) once the token has expired: one
 * unref'd interval a second, running only while something is registered. A timer per entry would
 * leave Node one timer list per distinct delay for as long as the token lives, even once cleared
 * (Node keeps emptied lists of unref'd timers), so each socket or stream left one behind.
 */
export class ExpirySweep<K = string> {
  readonly #entries = new Map<K, { atMs: number; close: () => void }>();
  #timer: NodeJS.Timeout | undefined;

  /** Calls `close` at the first sweep at or after `atMs` (ms since the epoch), unless `key` is removed first. */
  add(key: K, atMs: number, close: () => void): void {
    this.#entries.set(key, { atMs, close });
    this.#timer ??= setInterval(() => this.#sweep(), EXPIRY_SWEEP_MS).unref();
  }

  /** Forgets `key` (its socket or stream closed by other means). */
  remove(key: K): void {
    this.#entries.delete(key);
    if (this.#entries.size === 0) this.#stop();
  }

  /** Forgets every entry and stops the timer (shutdown). */
  clear(): void {
    this.#entries.clear();
    this.#stop();
  }

  #sweep(): void {
    const now = Date.now();
    for (const [key, { atMs, close }] of this.#entries) {
      if (atMs > now) continue;
      this.#entries.delete(key);
      close();
    }
    if (this.#entries.size === 0) this.#stop();
  }

  #stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
