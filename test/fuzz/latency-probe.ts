import { indicatorsOf, projectsMap, setIndicatorField, type ProjectMap } from '../../shared/model/index.ts';
import { connectClient, type TestClient } from '../helpers/test-client.ts';

const PROJECT = 'p-reception';
const ROW = 'r-qual';

/**
 * Two honest colleagues on one document: one sets a cell, the other notes when it sees it.
 * Measures the p99 of that delay over a number of edits, or while a condition holds.
 */
export class LatencyProbe {
  private readonly writer: TestClient;
  private readonly reader: TestClient;
  private seq = 0;

  constructor(wsUrl: string, docId: string, writerToken: string, readerToken: string) {
    this.writer = connectClient(wsUrl, docId, writerToken);
    this.reader = connectClient(wsUrl, docId, readerToken);
  }

  /** Resolves once both are synced. */
  async ready(): Promise<void> {
    await Promise.all([this.writer.synced, this.reader.synced]);
  }

  /** p99 (ms) over `edits` edits, 20 ms apart. */
  async measure(edits: number): Promise<number> {
    let n = 0;
    return this.measureUntil(() => ++n > edits);
  }

  /** p99 (ms) of edits made 20 ms apart until `done()` holds. */
  async measureUntil(done: () => boolean): Promise<number> {
    const samples: number[] = [];
    while (!done()) {
      const value = `probe${++this.seq}`;
      const started = performance.now();
      setIndicatorField(this.writer.doc, PROJECT, ROW, 'value', value);
      samples.push(await this.seen(value, started));
      await new Promise((r) => setTimeout(r, 20));
    }
    samples.sort((a, b) => a - b);
    return samples[Math.min(samples.length - 1, Math.floor(samples.length * 0.99))] ?? 0;
  }

  /** Resolves with the ms from `started` until the reader holds `value` (60 s at most). */
  private seen(value: string, started: number): Promise<number> {
    const has = () => indicatorsOf(projectsMap(this.reader.doc).get(PROJECT) as ProjectMap)?.get(ROW)?.get('value') === value;
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.reader.doc.off('update', check);
        resolve(performance.now() - started);
      };
      const check = () => has() && done();
      const timer = setTimeout(done, 60_000);
      this.reader.doc.on('update', check);
      check();
    });
  }

  /** Disconnects both. */
  destroy(): void {
    this.writer.destroy();
    this.reader.destroy();
  }
}
