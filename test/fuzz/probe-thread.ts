import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { ProbeCommand } from './probe-worker.ts';

/**
 * Two honest colleagues editing one document on a thread of their own (probe-worker.ts), so the
 * fuzzer's sending loop cannot delay them: what they measure is the server's latency.
 */
export class ProbeThread {
  private readonly worker: Worker;

  private constructor(worker: Worker) {
    this.worker = worker;
  }

  /** Starts the thread and resolves once both colleagues are synced. */
  static async start(wsUrl: string, docId: string, writerToken: string, readerToken: string): Promise<ProbeThread> {
    const worker = new Worker(new URL('./probe-worker.ts', import.meta.url), { workerData: { wsUrl, docId, writerToken, readerToken } });
    await once(worker, 'message');
    return new ProbeThread(worker);
  }

  /** p99 (ms) over `edits` edits made 20 ms apart. */
  measure(edits: number): Promise<number> {
    return this.ask({ type: 'measure', edits });
  }

  /** Starts measuring; the returned `stop()` ends it and resolves with the p99 (ms). */
  measureUntilStopped(): { stop(): Promise<number> } {
    const result = this.ask({ type: 'measure-until-stop' });
    return {
      stop: () => {
        this.worker.postMessage({ type: 'stop' } satisfies ProbeCommand);
        return result;
      },
    };
  }

  /** Ends the thread. */
  async destroy(): Promise<void> {
    await this.worker.terminate();
  }

  private ask(command: ProbeCommand): Promise<number> {
    return new Promise((resolve, reject) => {
      const onMessage = (message: { type: string; p99?: number }) => {
        if (message.type !== 'p99') return;
        this.worker.off('message', onMessage);
        this.worker.off('error', reject);
        resolve(message.p99 ?? 0);
      };
      this.worker.on('message', onMessage);
      this.worker.once('error', reject);
      this.worker.postMessage(command);
    });
  }
}
