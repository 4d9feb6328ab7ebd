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
  /** Server CPU in the quiet pause between the warm-up and the measured edits, ms (see {@link settle}). */
  pauseCpuMs: number;
  /** Server CPU from closing the round's sessions until the server is quiet, ms. */
  closeCpuMs: number;
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
  let measured: Map<FanoutTarget, Omit<FanoutResult, 'closeCpuMs'>>;
  let closing: readonly (number | null)[] = [];
  try {
    for (const target of targets) sessions.push(await openFanoutSession(target, plan.clients, run, capacity));
    await pacedEdits(sessions, plan.warmupEdits, plan, 'warm-up edits');
    for (const session of sessions) await burst(session, plan.warmupBurst, 'warm-up burst');
    const pauseCpu = await settle(targets);

    const firstMeasured = sessions.map((s) => s.probe.newest + 1);
    const cpuBefore = sessions.map((s) => s.target.server.readCpuMs());
    await pacedEdits(sessions, plan.edits, plan, 'paced edits');
    const cpuPerEdit = sessions.map((s, i) => cpuSince(s, cpuBefore[i] ?? null) / plan.edits);
    await sleep(200);

    measured = new Map();
    for (const [i, session] of sessions.entries()) {
      const first = firstMeasured[i] ?? 1;
      const latencies = session.probe.latencies(first, first + plan.edits - 1);
      const pauseCpuMs = pauseCpu.get(session.target) ?? NaN;
      measured.set(session.target, { latencies, serverCpuPerEditMs: cpuPerEdit[i] ?? NaN, pauseCpuMs, ...(await measureBurst(session, plan)) });
    }
  } finally {
    closing = targets.map((t) => t.server.readCpuMs());
    await closeFanoutSessions(sessions);
  }
  const closeCpu = await settle(targets, closing);
  return new Map([...measured].map(([target, result]) => [target, { ...result, closeCpuMs: closeCpu.get(target) ?? NaN }]));
}

/** Hocuspocus stores a document this long after its last change (jixiao's `debounce`), or at once when its last client leaves. */
const STORE_DEBOUNCE_MS = 2_000;
const SETTLE_SLICE_MS = 250;
/** A slice with less server CPU than this counts as quiet (20 idle clients renewing their presence: ~0.3 ms). */
const QUIET_SLICE_CPU_MS = 2;
const SETTLE_MAX_MS = 15_000;

/**
 * A quiet period: waits until the servers have done what a pause in editing starts, and returns
 * each server's CPU from `start` (by default now) until then. After 2 s without a change a
 * document is stored, and jixiao then folds its update log when it is long (25–40 ms for a
 * round's document); when its last client leaves, it is stored and unloaded at once, and jixiao
 * folds the log and takes its automatic version. Both are costs per pause and per document, not
 * per edit, and the reference servers have none of them (their logs only grow). Without the
 * pauses, where that work fell depended on the round's timing: in some rounds a fold (of the
 * round's own log after a lull, or of the previous round's documents) landed in the measured
 * window, 25–40 ms in ~6 s, +0.1 ms per paced edit in those rounds and the largest swing between
 * rounds. Each round now pauses after its warm-up and after closing, and prints what the pauses cost.
 */
async function settle(targets: readonly FanoutTarget[], start: readonly (number | null)[] = targets.map((t) => t.server.readCpuMs())): Promise<Map<FanoutTarget, number>> {
  const began = performance.now();
  let last = targets.map((t) => t.server.readCpuMs());
  let quietSlices = 0;
  while (performance.now() - began < SETTLE_MAX_MS) {
    await sleep(SETTLE_SLICE_MS);
    const now = targets.map((t) => t.server.readCpuMs());
    const quiet = now.every((cpu, i) => cpu === null || (last[i] ?? null) === null || cpu - (last[i] as number) < QUIET_SLICE_CPU_MS);
    last = now;
    quietSlices = quiet ? quietSlices + 1 : 0;
    // Two quiet slices in a row, once the store's debounce has passed with room for the fold it starts.
    if (quietSlices >= 2 && performance.now() - began >= STORE_DEBOUNCE_MS + 2 * SETTLE_SLICE_MS) break;
  }
  return new Map(targets.map((t, i) => [t, (last[i] ?? NaN) - (start[i] ?? NaN)]));
}

type BurstResult = Omit<FanoutResult, 'latencies' | 'serverCpuPerEditMs' | 'pauseCpuMs' | 'closeCpuMs'>;

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
