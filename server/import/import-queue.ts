import { JixiaoError } from '../../shared/errors.ts';
import { readLimit } from '../../shared/limits.ts';

/** Seconds a refused import is told to wait before retrying. */
export const IMPORT_RETRY_AFTER_SECONDS = 5;

/**
 * Bounds the imports running at once (each is a worker holding a whole file in memory) and the
 * imports waiting for a slot. Beyond both, `run` rejects at once with TOO_MANY_REQUESTS (429
 * with Retry-After), so six large uploads at once cannot take the server's memory.
 */
export class ImportQueue {
  private readonly concurrency: number;
  private readonly maxWaiting: number;
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(concurrency = readLimit('importConcurrency'), maxWaiting = readLimit('importQueue')) {
    this.concurrency = concurrency;
    this.maxWaiting = maxWaiting;
  }

  /** Runs `task` when a slot is free; rejects with TOO_MANY_REQUESTS when the queue is full. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxWaiting) throw busy();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else this.running++;
    try {
      return await task();
    } finally {
      // The slot passes straight to the next waiter, so `running` stays counted for it.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

function busy(): JixiaoError {
  return new JixiaoError({
    code: 'TOO_MANY_REQUESTS',
    zh: `正在导入的文件过多，请 ${IMPORT_RETRY_AFTER_SECONDS} 秒后重试`,
    en: `Too many imports at once; retry in ${IMPORT_RETRY_AFTER_SECONDS} seconds`,
    details: { retryAfterSeconds: IMPORT_RETRY_AFTER_SECONDS },
  });
}
