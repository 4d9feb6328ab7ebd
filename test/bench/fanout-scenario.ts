import * as Y from 'yjs';
import type { BenchClient } from './bench-clients.ts';
import { FanoutProbe, findProbeRow } from './fanout-probe.ts';
import type { FanoutTarget } from './fanout-targets.ts';
import type { ServerMemory } from './server-child.ts';
import { sleep, waitUntil, withTimeout } from './timing.ts';

/** What one scenario does: N clients on one document, paced edits, then one burst. */
export interface FanoutPlan {
  clients: number;
  /** Paced edits and burst edits before measuring, so the JIT and the sockets are warm. */
  warmupEdits: number;
  warmupBurst: number;
  /** Measured paced edits; the editing client rotates through all clients. */
  edits: number;
  /** Pause between paced edits, ms. */
  intervalMs: number;
  /** Edits client 0 sends back to back for the throughput measurement. */
  burstEdits: number;
}

/** The outcome of one scenario on one target. */
export interface FanoutResult {
  /** Per-receiver delays (ms) from each paced edit to its arrival at each other client. */
  latencies: number[];
  /** From the first burst edit until every receiver had the last one, ms. */
  burstMs: number;
  /** `burstEdits` per second of `burstMs`: edits delivered to all receivers per second. */
  burstRate: number;
  /** Server CPU time per paced edit (ms), including its broadcast to every client. */
  serverCpuPerEditMs: number | null;
  /** Server CPU time during the burst, ms; compare with `burstMs` to see which side was the bottleneck. */
  serverCpuBurstMs: number | null;
  /** CPU time of this process (all clients) during the burst, ms. */
  clientsCpuBurstMs: number;
  /** Server messages that changed the document, per receiver, during the burst (= burstEdits without merging). */
  burstMessagesPerReceiver: number;
  /** Server memory right after the burst, clients still connected. */
  memory: ServerMemory | null;
}

const CONNECT_TIMEOUT_MS = 60_000;
const DELIVERY_TIMEOUT_MS = 30_000;
const BURST_TIMEOUT_MS = 90_000;

/**
 * Opens a fresh document on `target` (named after `run`, unique per call), connects
 * `plan.clients` clients, measures, and disconnects them.
 */
export async function runFanoutScenario(target: FanoutTarget, plan: FanoutPlan, run: string): Promise<FanoutResult> {
  const where = `${target.label}, ${plan.clients} clients`;
  const document = await target.openDocument(run);
  const clients: BenchClient[] = [];
  try {
    const first = await document.connect(0);
    clients.push(first);
    await withTimeout(first.synced, CONNECT_TIMEOUT_MS, `client 0 to sync (${where})`);
    if (document.seed) Y.applyUpdate(first.doc, document.seed);
    for (let i = 1; i < plan.clients; i++) clients.push(await document.connect(i));
    await withTimeout(Promise.all(clients.map((c) => c.synced)), CONNECT_TIMEOUT_MS, `all clients to sync (${where})`);
    await waitUntil(
      () => clients.every((c) => findProbeRow(c.doc) !== undefined),
      DELIVERY_TIMEOUT_MS,
      () => `the budget text to reach every client (${where})`,
    );
    return await measure(target, clients, plan, where);
  } finally {
    for (const client of clients) client.destroy();
    // Let the server unload (jixiao: compact) the document before the next scenario starts.
    await sleep(500);
  }
}

async function measure(target: FanoutTarget, clients: BenchClient[], plan: FanoutPlan, where: string): Promise<FanoutResult> {
  const probe = new FanoutProbe(clients, plan.warmupEdits + plan.warmupBurst + plan.edits + plan.burstEdits);
  try {
    await pacedEdits(probe, plan.warmupEdits, plan);
    await probe.waitForAll(probe.newest, DELIVERY_TIMEOUT_MS, `warm-up edits (${where})`);
    for (let i = 0; i < plan.warmupBurst; i++) probe.edit(0);
    await probe.waitForAll(probe.newest, BURST_TIMEOUT_MS, `warm-up burst (${where})`);
    await sleep(200);

    const firstMeasured = probe.newest + 1;
    const pacedCpu = target.server.readCpuMs();
    await pacedEdits(probe, plan.edits, plan);
    await probe.waitForAll(probe.newest, DELIVERY_TIMEOUT_MS, `paced edits (${where})`);
    const serverCpuPerEditMs = cpuSince(target, pacedCpu) / plan.edits;
    const latencies = probe.latencies(firstMeasured, probe.newest);
    await sleep(200);

    const burstCpu = target.server.readCpuMs();
    const clientsCpu = process.cpuUsage();
    const updatesBefore = probe.remoteUpdateCounts();
    const start = performance.now();
    for (let i = 0; i < plan.burstEdits; i++) probe.edit(0);
    await probe.waitForAll(probe.newest, BURST_TIMEOUT_MS, `burst of ${plan.burstEdits} edits (${where})`);
    const burstMs = probe.lastArrival(probe.newest) - start;
    const clientsCpuUsed = process.cpuUsage(clientsCpu);
    const updatesAfter = probe.remoteUpdateCounts();
    let messages = 0;
    for (let c = 1; c < clients.length; c++) messages += (updatesAfter[c] ?? 0) - (updatesBefore[c] ?? 0);
    return {
      latencies,
      burstMs,
      burstRate: (plan.burstEdits / burstMs) * 1000,
      serverCpuPerEditMs,
      serverCpuBurstMs: cpuSince(target, burstCpu),
      clientsCpuBurstMs: (clientsCpuUsed.user + clientsCpuUsed.system) / 1000,
      burstMessagesPerReceiver: messages / (clients.length - 1),
      memory: target.server.readMemory(),
    };
  } finally {
    probe.dispose();
  }
}

/** Server CPU ms used since `before` (NaN where /proc is missing). */
function cpuSince(target: FanoutTarget, before: number | null): number {
  const now = target.server.readCpuMs();
  return now === null || before === null ? NaN : now - before;
}

/** `count` edits `plan.intervalMs` apart, the editor rotating through the clients. */
async function pacedEdits(probe: FanoutProbe, count: number, plan: FanoutPlan): Promise<void> {
  for (let i = 0; i < count; i++) {
    probe.edit((probe.newest + 1) % plan.clients);
    await sleep(plan.intervalMs);
  }
}
