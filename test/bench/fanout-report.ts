import type { FanoutResult } from './fanout-scenario.ts';
import { formatNumber, formatRatio, formatTable, median, summarize, type Summary } from './stats.ts';

/** All rounds of one scenario on one target, combined. */
export interface FanoutSummary {
  /** Latencies of every round pooled, ms. */
  latency: Summary;
  /** Median over rounds. */
  burstRate: number;
  burstMs: number;
  serverCpuBurstMs: number;
  clientsCpuBurstMs: number;
  burstMessagesPerReceiver: number;
  /** Mean over rounds (every round has as many paced edits): the server's CPU over all of them per edit. */
  serverCpuPerEditMs: number;
  /** Server RSS after the last round's burst, MiB. */
  rssMiB: number | null;
  /** Medians over rounds: server CPU in the pause before the measured edits, and from closing the round's sessions until quiet, ms. */
  pauseCpuMs: number;
  closeCpuMs: number;
}

/**
 * Pools latencies and the paced edits' CPU, and takes the median of everything else over
 * `rounds`. CPU per edit is a small difference of two readings per round (300 edits, ~0.3 s of
 * CPU), so a median of three rounds moved by ±7% between runs of the same build; all rounds'
 * edits together are the steadier measure of what an edit costs.
 */
export function combineRounds(rounds: readonly FanoutResult[]): FanoutSummary {
  const med = (read: (r: FanoutResult) => number | null) => median(rounds.map((r) => read(r) ?? NaN));
  return {
    latency: summarize(rounds.flatMap((r) => r.latencies)),
    burstRate: med((r) => r.burstRate),
    burstMs: med((r) => r.burstMs),
    serverCpuBurstMs: med((r) => r.serverCpuBurstMs),
    clientsCpuBurstMs: med((r) => r.clientsCpuBurstMs),
    burstMessagesPerReceiver: med((r) => r.burstMessagesPerReceiver),
    serverCpuPerEditMs: summarize(rounds.map((r) => r.serverCpuPerEditMs)).mean,
    rssMiB: rounds.at(-1)?.memory?.rssMiB ?? null,
    pauseCpuMs: med((r) => r.pauseCpuMs),
    closeCpuMs: med((r) => r.closeCpuMs),
  };
}

const METRICS: ReadonlyArray<[string, (s: FanoutSummary) => number | null, number]> = [
  ['fan-out p50 (ms)', (s) => s.latency.p50, 1],
  ['fan-out p99 (ms)', (s) => s.latency.p99, 1],
  ['fan-out max (ms)', (s) => s.latency.max, 1],
  ['server CPU per paced edit (ms)', (s) => s.serverCpuPerEditMs, 2],
  ['burst delivered (edits/s)', (s) => s.burstRate, 0],
  ['burst duration (ms)', (s) => s.burstMs, 0],
  ['burst msgs per receiver', (s) => s.burstMessagesPerReceiver, 0],
  ['burst server CPU (ms)', (s) => s.serverCpuBurstMs, 0],
  ['burst clients CPU (ms)', (s) => s.clientsCpuBurstMs, 0],
  ['server RSS after burst (MiB)', (s) => s.rssMiB, 0],
  ['server CPU, pause after warm-up (ms)', (s) => s.pauseCpuMs, 0],
  ['server CPU, closing the sessions (ms)', (s) => s.closeCpuMs, 0],
];

/**
 * The side-by-side table: one row per scenario and metric, one column per target (the first two
 * are compared in the last column), plus each server's peak RSS over the whole run.
 */
export function formatFanoutTable(
  labels: readonly string[],
  clientCounts: readonly number[],
  summaryOf: (label: string, clients: number) => FanoutSummary | undefined,
  peakRssMiB: readonly (number | null)[],
): string {
  const rows: string[][] = [];
  for (const clients of clientCounts) {
    for (const [name, read, digits] of METRICS) {
      const values = labels.map((label) => {
        const s = summaryOf(label, clients);
        return s ? read(s) : null;
      });
      rows.push([`N=${clients}`, name, ...values.map((v) => formatNumber(v, digits)), formatRatio(values[0], values[1])]);
    }
  }
  rows.push(['all', 'server peak RSS (MiB)', ...peakRssMiB.map((p) => formatNumber(p, 0)), formatRatio(peakRssMiB[0], peakRssMiB[1])]);
  return formatTable(['scenario', 'metric', ...labels, `${labels[0]} / ${labels[1]}`], rows, ['left', 'left']);
}
