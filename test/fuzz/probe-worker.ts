import { parentPort, workerData } from 'node:worker_threads';
import { LatencyProbe } from './latency-probe.ts';

// The honest colleagues of a fuzz run, on their own thread: measured from the fuzzer's own event
// loop, every burst of hostile frames it sends would count as server latency.

/** What the fuzz run tells the probe thread. */
export type ProbeCommand = { type: 'measure'; edits: number } | { type: 'measure-until-stop' } | { type: 'stop' };

const { wsUrl, docId, writerToken, readerToken } = workerData as { wsUrl: string; docId: string; writerToken: string; readerToken: string };
const port = parentPort;
if (!port) throw new Error('probe-worker runs only as a worker thread');
const probe = new LatencyProbe(wsUrl, docId, writerToken, readerToken);
let stopped = false;
await probe.ready();
port.postMessage({ type: 'ready' });
port.on('message', (command: ProbeCommand) => {
  if (command.type === 'stop') {
    stopped = true;
    return;
  }
  const run = command.type === 'measure' ? probe.measure(command.edits) : probe.measureUntil(() => stopped);
  void run.then((p99) => {
    port.postMessage({ type: 'p99', p99 });
    if (command.type === 'measure-until-stop') {
      probe.destroy();
      port.close();
    }
  });
});
