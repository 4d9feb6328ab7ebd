/**
 * Runs tasks one at a time per key, in the order they were given, and tasks of different keys in
 * parallel. A task runs after the one before it settled, whether that one succeeded or not.
 */
export class KeyedQueue {
  /** Per key, the end of its last task (never rejects). */
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const next = (this.tails.get(key) ?? Promise.resolve()).then(task);
    const settled = next.catch(() => undefined);
    this.tails.set(key, settled);
    void settled.then(() => {
      if (this.tails.get(key) === settled) this.tails.delete(key);
    });
    return next;
  }

  /** Resolves once every task given so far has settled. */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.tails.values()]);
  }
}
