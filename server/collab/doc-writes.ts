import { JixiaoError } from '../../shared/errors.ts';

/**
 * The content writes under way per document on this instance, and the documents whose content is
 * held still while their status changes (WorkflowService). Every write counts from its first check
 * to its apply: an update from a connection through the update gate (from its first check until
 * Hocuspocus may apply it), an API change of content from its status check to its apply
 * (`during`), a server-side change through `writeDurably`. While a document is held, the socket
 * guard refuses content from every connection (4409) and `during` answers 409; `settled` resolves
 * once the writes already under way are applied, so what is read next (a version, the checks
 * before a submission) is exactly what the document holds when its status changes. AccessService
 * flips read-only only at such a quiet moment (`quiet`): Hocuspocus drops an update whose
 * connection became read-only between its checks and its apply, after it was stored.
 */
export class DocWrites {
  private readonly running = new Map<string, number>();
  private readonly waiting = new Map<string, Array<() => void>>();
  private readonly held = new Map<string, number>();

  enter(name: string): void {
    this.running.set(name, (this.running.get(name) ?? 0) + 1);
  }

  leave(name: string): void {
    const left = (this.running.get(name) ?? 1) - 1;
    if (left > 0) {
      this.running.set(name, left);
      return;
    }
    this.running.delete(name);
    if (this.waiting.has(name)) setImmediate(() => this.wake(name));
  }

  /**
   * Resolves at a moment when no write of document `name` is under way here and the last one is
   * applied; until the caller's next `await`, none can start (a message needs an I/O callback).
   */
  settled(name: string): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.set(name, [...(this.waiting.get(name) ?? []), resolve]);
      // Hocuspocus applies an update in the promise reactions after its checks resolve: the next
      // macrotask comes after them.
      if (!this.running.has(name)) setImmediate(() => this.wake(name));
    });
  }

  /**
   * Like {@link settled}, for a caller that must not wait long: if document `name` is never quiet
   * within `patienceMs` (people editing without a pause), it is held (new content refused, 4409)
   * until it is. Resolves with the function that ends that hold; call it after the synchronous
   * work the quiet moment was for.
   */
  async quiet(name: string, patienceMs = 1_000): Promise<() => void> {
    let timer: NodeJS.Timeout | undefined;
    const patience = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), patienceMs)));
    const settled = await Promise.race([this.settled(name).then(() => true), patience]);
    clearTimeout(timer);
    if (settled) return () => undefined;
    const release = this.hold(name);
    await this.settled(name);
    return release;
  }

  private wake(name: string): void {
    // Another write may have started since the last one ended: then its leave wakes again.
    if (this.running.has(name)) return;
    const waiters = this.waiting.get(name) ?? [];
    this.waiting.delete(name);
    for (const resolve of waiters) resolve();
  }

  /** Holds document `name` still until the returned function is called (holds nest). */
  hold(name: string): () => void {
    this.held.set(name, (this.held.get(name) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.held.get(name) ?? 1) - 1;
      if (left > 0) this.held.set(name, left);
      else this.held.delete(name);
    };
  }

  isHeld(name: string): boolean {
    return this.held.has(name);
  }

  /**
   * Runs an API change of document `name`'s content, from its checks (of the status, say) to its
   * apply, as one write under way: a status change waits for it, and it answers 409 without
   * running while one is under way.
   */
  async during<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.refuseIfHeld(name);
    this.enter(name);
    try {
      return await fn();
    } finally {
      this.leave(name);
    }
  }

  /** Throws CONFLICT (409) while document `name`'s status is changing. */
  refuseIfHeld(name: string): void {
    if (this.held.has(name)) throw statusChanging();
  }
}

/** CONFLICT (409): the document's status is changing (here, or on another instance). */
export function statusChanging(): JixiaoError {
  return new JixiaoError({ code: 'CONFLICT', zh: '文档状态正在变更，请稍后再试', en: 'The document’s status is changing; try again in a moment', details: { reason: STATUS_CHANGING } });
}

const STATUS_CHANGING = 'status-changing';

/** Whether `error` is {@link statusChanging}'s (and not another conflict). */
export function isStatusChanging(error: unknown): boolean {
  return error instanceof JixiaoError && (error.details as { reason?: unknown } | undefined)?.reason === STATUS_CHANGING;
}
