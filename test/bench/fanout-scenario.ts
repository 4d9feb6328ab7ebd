import { closeFanoutSessions, openFanoutSession, type FanoutSession } from './fanout-session.ts';
import type { FanoutTarget } from './fanout-targets.ts';
import type { ServerMemory } from './server-child.ts';
import { sleep } from './timing.ts';

/** What one round does: N clients on one document per target, paced edits, then one burst per target. */
export interface FanoutPlan {
  clients: number;
  /** Paced edits and burst edits before measuring, so the JIT and the sockets are warm. */
  warmupEdits: number;
  warmupBurst: number;
  /** Measured paced edits per target; the editing client rotates through all clients, each editing its own row. */
  edits: number;
  /** Pause between two paced edits on the same target, ms. */
  intervalMs: number;
  /** Edits client 0 sends back to back for the throughput measurement. */
  burstEdits: number;
}

/** The outcome of one round on one target. */
export interface FanoutResult {
  /** Per-receiver delays (ms) from each paced edit to its arrival at each other client. */
  latencies: number[];
  /** Server CPU time per paced edit (ms), including its broadcast to every client. */
  serverCpuPerEditMs: number;
  /** From the first burst edit until every receiver had the last one, ms. */
  burstMs: number;
  /** `burstEdits` per second of `burstMs`: edits delivered to all receivers per second. */
  burstRate: number;
  /** Server CPU time during the burst, ms; compare with `burstMs` to see which side was the bottleneck. */
  serverCpuBurstMs: number;
  /** CPU time of this process (all clients) during the burst, ms. */
  clientsCpuBurstMs: number;
  /** Server messages that changed the document, per receiver, during the burst (= burstEdits without merging). */
  burstMessagesPerReceiver: number;
  /** Server memory right after the burst, clients still connected. */
  memory: ServerMemory | null;
}

const DELIVERY_TIMEOUT_MS = 30_000;
const BURST_TIMEOUT_MS = 90_000;

/**
 * One round on all `targets` at once. Every target gets a fresh document with `plan.clients`
 * clients; the paced edits are interleaved across targets (each target still gets one edit per
 * `plan.intervalMs`), so a hiccup of this shared machine hits all targets alike rather than
 * whichever happened to run then. Bursts run one target at a time, in the order given.
 */
export async function runFanoutRound(targets: readonly FanoutTarget[], plan: FanoutPlan, run: string): Promise<Map<FanoutTarget, FanoutResult>> {
  const capacity = plan.warmupEdits + plan.warmupBurst + plan.edits + plan.burstEdits;
  const sessions: FanoutSession[] = [];
  try {
    for (const target of targets) sessions.push(await openFanoutSession(target, plan.clients, run, capacity));
    await pacedEdits(sessions, plan.warmupEdits, plan, 'warm-up edits');
    for (const session of sessions) await burst(session, plan.warmupBurst, 'warm-up burst');
    await sleep(200);

    const firstMeasured = sessions.map((s) => s.probe.newest + 1);
    const cpuBefore = sessions.map((s) => s.target.server.readCpuMs());
    await pacedEdits(sessions, plan.edits, plan, 'paced edits');
    const cpuPerEdit = sessions.map((s, i) => cpuSince(s, cpuBefore[i] ?? null) / plan.edits);
    await sleep(200);

    const results = new Map<FanoutTarget, FanoutResult>();
    for (const [i, session] of sessions.entries()) {
      const first = firstMeasured[i] ?? 1;
      const latencies = session.probe.latencies(first, first + plan.edits - 1);
      results.set(session.target, { latencies, serverCpuPerEditMs: cpuPerEdit[i] ?? NaN, ...(await measureBurst(session, plan)) });
    }
    return results;
  } finally {
    await closeFanoutSessions(sessions);
  }
}

type BurstResult = Omit<FanoutResult, 'latencies' | 'serverCpuPerEditMs'>;

async function measureBurst(session: FanoutSession, plan: FanoutPlan): Promise<BurstResult> {
  const { probe, clients } = session;
  const serverCpu = session.target.server.readCpuMs();
  const clientsCpu = process.cpuUsage();
  const updatesBefore = probe.remoteUpdateCounts();
  const start = performance.now();
  await burst(session, plan.burstEdits, `burst of ${plan.burstEdits} edits`);
  const burstMs = probe.lastArrival(probe.newest) - start;
  const clientsCpuUsed = process.cpuUsage(clientsCpu);
  const updatesAfter = probe.remoteUpdateCounts();
  let messages = 0;
  for (let c = 1; c < clients.length; c++) messages += (updatesAfter[c] ?? 0) - (updatesBefore[c] ?? 0);
  const result = {
    burstMs,
    burstRate: (plan.burstEdits / burstMs) * 1000,
    serverCpuBurstMs: cpuSince(session, serverCpu),
    clientsCpuBurstMs: (clientsCpuUsed.user + clientsCpuUsed.system) / 1000,
    burstMessagesPerReceiver: messages / (clients.length - 1),
    memory: session.target.server.readMemory(),
  };
  await sleep(200);
  return result;
}

/** Client 0 sends `count` edits back to back; resolves when every client has the last one. */
async function burst(session: FanoutSession, count: number, what: string): Promise<void> {
  for (let i = 0; i < count; i++) session.probe.edit(0);
  await session.probe.waitForAll(BURST_TIMEOUT_MS, `${what} (${session.where})`);
}

/**
 * `count` edits per session, `plan.intervalMs` apart on each session and spread evenly across
 * sessions; the editor rotates through the clients. Resolves when every client has every edit.
 */
async function pacedEdits(sessions: readonly FanoutSession[], count: number, plan: FanoutPlan, what: string): Promise<void> {
  const step = plan.intervalMs / sessions.length;
  for (let i = 0; i < count; i++) {
    for (const { probe } of sessions) {
      probe.edit((probe.newest + 1) % plan.clients);
      await sleep(step);
    }
  }
  for (const s of sessions) await s.probe.waitForAll(DELIVERY_TIMEOUT_MS, `${what} (${s.where})`);
}

/** Server CPU ms used since `before` (NaN where /proc is missing). */
function cpuSince(session: FanoutSession, before: number | null): number {
  const now = session.target.server.readCpuMs();
  return now === null || before === null ? NaN : now - before;
}
