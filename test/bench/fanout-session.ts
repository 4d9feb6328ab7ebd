import * as Y from 'yjs';
import type { BenchClient } from './bench-clients.ts';
import { FanoutProbe, findProbeRows } from './fanout-probe.ts';
import type { FanoutTarget } from './fanout-targets.ts';
import { sleep, waitUntil, withTimeout } from './timing.ts';

/** N synced clients on a fresh document of one target, with a probe on the edited cell. */
export interface FanoutSession {
  target: FanoutTarget;
  clients: BenchClient[];
  probe: FanoutProbe;
  /** "<target>, <N> clients", for messages. */
  where: string;
  /** Disconnects every client. */
  close(): void;
}

const CONNECT_TIMEOUT_MS = 60_000;
const SEED_TIMEOUT_MS = 30_000;

/**
 * Opens a fresh document on `target` (named after `run`, unique per call) and connects
 * `clients` clients; resolves once all are synced and hold the probe rows. `probeCapacity`
 * bounds the number of edits. On failure the clients already connected are disconnected.
 */
export async function openFanoutSession(target: FanoutTarget, clients: number, run: string, probeCapacity: number): Promise<FanoutSession> {
  const where = `${target.label}, ${clients} clients`;
  const document = await target.openDocument(run, clients);
  const connected: BenchClient[] = [];
  const close = () => {
    for (const client of connected.splice(0)) client.destroy();
  };
  try {
    const first = await document.connect(0);
    connected.push(first);
    await withTimeout(first.synced, CONNECT_TIMEOUT_MS, `client 0 to sync (${where})`);
    if (document.seed) Y.applyUpdate(first.doc, document.seed);
    for (let i = 1; i < clients; i++) connected.push(await document.connect(i));
    await withTimeout(Promise.all(connected.map((c) => c.synced)), CONNECT_TIMEOUT_MS, `all clients to sync (${where})`);
    await waitUntil(
      () => connected.every((c) => findProbeRows(c.doc, clients) !== undefined),
      SEED_TIMEOUT_MS,
      () => `the budget text to reach every client (${where})`,
    );
    const probe = new FanoutProbe(connected, probeCapacity);
    return {
      target,
      clients: [...connected],
      probe,
      where,
      close: () => {
        probe.dispose();
        close();
      },
    };
  } catch (error) {
    close();
    throw error;
  }
}

/** Closes every session, then waits for the servers to unload (jixiao: compact) the documents. */
export async function closeFanoutSessions(sessions: readonly FanoutSession[]): Promise<void> {
  for (const session of sessions) session.close();
  await sleep(500);
}
