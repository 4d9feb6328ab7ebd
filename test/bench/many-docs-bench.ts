import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import * as Y from 'yjs';
import { loadSigningKey, signToken } from '../../server/auth/tokens.ts';
import { SEED_DIR } from '../../server/demo/load-demo-docs.ts';
import { importBudgetText } from '../../shared/import/index.ts';
import { toBudgetYDoc, type BudgetText } from '../../shared/model/index.ts';
import { makeTempDir } from './exit-hooks.ts';
import type { ManyDocsShare } from './many-docs-client.ts';
import { openManyDocsClients } from './many-docs-clients.ts';
import { forkServer, type ServerChild } from './server-child.ts';
import { formatNumber, formatRatio, formatTable, median, summarize, type Summary } from './stats.ts';
import { sleep } from './timing.ts';

const SEED_FILE = '003_bc1e709cbc29c5ff.txt';
const counts = (v: string | undefined) => (v ?? '').split(',').map(Number).filter((n) => n > 0);
/** Document counts: 200 and 1,000 (BENCH_MANY_COUNTS replaces them); BENCH_MANY_DOCS=<n>[,<n>…] adds more (e.g. 5000). */
const COUNTS = [...(counts(process.env['BENCH_MANY_COUNTS']).length ? counts(process.env['BENCH_MANY_COUNTS']) : [200, 1_000]), ...counts(process.env['BENCH_MANY_DOCS'])];
const EDITS = Math.max(100, Number(process.env['BENCH_MANY_EDITS'] ?? 1_500) || 1_500);
const WARMUP_EDITS = 200;
const INTERVAL_MS = 10;
/** Issue 15's targets hold at this many documents: edit p99 ≤ 1.5×, RSS ≤ 1.2×. */
const TARGET_DOCS = 1_000;
const P99_TARGET_RATIO = 1.5;
const RSS_TARGET_RATIO = 1.2;
/**
 * Rounds at {@link TARGET_DOCS} documents (BENCH_MANY_ROUNDS, default 2), the order of the servers
 * reversed every other round, latencies pooled: the disk's fsync stalls for 100–400 ms at times, and
 * with one run per server a stall during one server's run alone decided the verdict.
 */
/** How long D documents may take to open (1,000 open in ~10 s here): 3 minutes, more for 5,000. */
const openTimeoutMs = (count: number) => Math.max(180_000, count * 120);
const TARGET_ROUNDS = Math.max(1, Number(process.env['BENCH_MANY_ROUNDS'] ?? 2) || 2);
const ALL_TARGETS = ['jixiao', 'bare Hocuspocus', 'Hocuspocus + fsync'] as const;
type Target = (typeof ALL_TARGETS)[number];
/** BENCH_MANY_TARGETS=jixiao measures only the listed servers (comma-separated labels; while iterating). */
const TARGETS = ALL_TARGETS.filter((t) => !process.env['BENCH_MANY_TARGETS'] || process.env['BENCH_MANY_TARGETS'].split(',').includes(t));

interface ManyDocsResult {
  seen: Summary;
  acked: Summary;
  cpuPerEditMs: number;
  rssOpenMiB: number | null;
  rssAfterMiB: number | null;
  openS: number;
}

/** One run of one server: the latencies themselves, so that rounds can be pooled. */
interface ManyDocsRun {
  seen: number[];
  acked: number[];
  cpuPerEditMs: number;
  rssOpenMiB: number | null;
  rssAfterMiB: number | null;
  openS: number;
}

/**
 * Many documents (issue 15): seed 003 as imported, 200 and 1,000 documents (more with
 * BENCH_MANY_DOCS), two editors each, split over client processes; edits to a real 指标值 cell of
 * a random document every 10 ms. jixiao, bare Hocuspocus and Hocuspocus + fsync, one server at a time.
 */
export async function runManyDocsBench(): Promise<void> {
  const imported = importBudgetText(await readFile(`${SEED_DIR}/${SEED_FILE}`, 'utf8'));
  if (!imported.ok) throw new Error(`seed ${SEED_FILE} failed to import: ${imported.error.en}`);
  const text = imported.value.doc;
  console.log(
    `Seed 003 as imported (${text.projects.length} projects, ${text.projects.reduce((n, p) => n + p.indicators.length, 0)} rows) × D documents, 2 editors each ` +
      `(real providers, 4 client processes); ${WARMUP_EDITS} warm-up edits, then ${EDITS} edits of 指标值 in a random document, one every ${INTERVAL_MS} ms in all. ` +
      `"seen" = edit → the other editor has it; "acked" = edit → the sender's provider has no unsynced changes. One server at a time; at ${TARGET_DOCS} ` +
      `documents ${TARGET_ROUNDS} rounds, the order reversed every other round, latencies pooled, the rest the median of rounds.\n`,
  );
  const rows: string[][] = [];
  const verdicts: string[] = [];
  for (const count of COUNTS) {
    const runs = new Map<Target, ManyDocsRun[]>(TARGETS.map((t) => [t, []]));
    const rounds = count === TARGET_DOCS ? TARGET_ROUNDS : 1;
    for (let round = 1; round <= rounds; round++) {
      for (const target of round % 2 ? TARGETS : [...TARGETS].reverse()) {
        const run = await measureOrRetry(target, count, text, `${count} documents, ${target}${rounds > 1 ? `, round ${round}` : ''}`);
        runs.get(target)?.push(run);
        console.log(
          `  ${count} documents, ${target}${rounds > 1 ? `, round ${round}` : ''}: seen p99 ${formatNumber(summarize(run.seen).p99, 1)} ms, ` +
            `CPU/edit ${formatNumber(run.cpuPerEditMs, 2)} ms, RSS ${formatNumber(run.rssAfterMiB, 0)} MiB (opened in ${formatNumber(run.openS, 0)} s)`,
        );
      }
    }
    const results = new Map<Target, ManyDocsResult>([...runs].map(([t, r]) => [t, combineRuns(r)]));
    const [ours, bare, synced] = ALL_TARGETS.map((t) => results.get(t));
    const row = (metric: string, pick: (r: ManyDocsResult) => number | null, digits: number) =>
      rows.push([`${count}`, metric, ...TARGETS.map((t) => formatNumber(pick(results.get(t) as ManyDocsResult), digits)), formatRatio(ours && pick(ours), bare && pick(bare)), formatRatio(ours && pick(ours), synced && pick(synced))]);
    row('edit seen p50 (ms)', (r) => r.seen.p50, 1);
    row('edit seen p99 (ms)', (r) => r.seen.p99, 1);
    row('edit acked p99 (ms)', (r) => r.acked.p99, 1);
    row('server CPU per edit (ms)', (r) => r.cpuPerEditMs, 2);
    row('RSS all open (MiB)', (r) => r.rssOpenMiB, 0);
    row('RSS after edits (MiB)', (r) => r.rssAfterMiB, 0);
    if (count === TARGET_DOCS) verdicts.push(...verdictLines(ours, bare, synced));
  }
  console.log(`\n${formatTable(['documents', 'metric', ...TARGETS, 'jixiao / bare', 'jixiao / + fsync'], rows, ['right', 'left'])}\n`);
  console.log('Targets (issue 15): 1,000 documents edit p99 ≤ 1.5× bare Hocuspocus, RSS ≤ 1.2× bare.');
  for (const line of verdicts) console.log(line);
}

/**
 * Issue 15's verdicts at {@link TARGET_DOCS} documents. An edit reaches the colleague only once it
 * is on disk (the acknowledgement and the broadcast both wait for the synced append), so the
 * latency ratio is taken against Hocuspocus with the same synced append, the reference the issue
 * names as fair for the server ratios; the ratio to Hocuspocus in memory is printed beside it.
 * Memory is compared with bare Hocuspocus.
 */
function verdictLines(ours?: ManyDocsResult, bare?: ManyDocsResult, synced?: ManyDocsResult): string[] {
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const lines: string[] = [];
  if (ours && synced) {
    const ok = ours.seen.p99 <= P99_TARGET_RATIO * synced.seen.p99;
    lines.push(`${TARGET_DOCS} documents: edit seen p99 ${formatRatio(ours.seen.p99, synced.seen.p99)} Hocuspocus + fsync (target ≤ ${P99_TARGET_RATIO}×: ${verdict(ok)}); ${formatRatio(ours.seen.p99, bare?.seen.p99)} bare Hocuspocus in memory.`);
  }
  if (ours && bare && ours.rssAfterMiB !== null && bare.rssAfterMiB !== null) {
    const ok = ours.rssAfterMiB <= RSS_TARGET_RATIO * bare.rssAfterMiB;
    lines.push(`${TARGET_DOCS} documents: RSS after edits ${formatRatio(ours.rssAfterMiB, bare.rssAfterMiB)} bare Hocuspocus (target ≤ ${RSS_TARGET_RATIO}×: ${verdict(ok)}).`);
  }
  return lines;
}

/** Rounds of one server: latencies pooled, the rest the median of rounds (as in the fan-out section). */
function combineRuns(runs: readonly ManyDocsRun[]): ManyDocsResult {
  const med = (pick: (r: ManyDocsRun) => number | null) => {
    const value = median(runs.map((r) => pick(r) ?? NaN));
    return Number.isNaN(value) ? null : value;
  };
  return {
    seen: summarize(runs.flatMap((r) => r.seen)),
    acked: summarize(runs.flatMap((r) => r.acked)),
    cpuPerEditMs: med((r) => r.cpuPerEditMs) ?? NaN,
    rssOpenMiB: med((r) => r.rssOpenMiB),
    rssAfterMiB: med((r) => r.rssAfterMiB),
    openS: med((r) => r.openS) ?? NaN,
  };
}

/**
 * {@link measure}, started once more with a fresh server and fresh clients when the documents did
 * not open in time (printed). Twice in full benches (issue 15, fifth and sixth passes) a server's
 * 1,000 documents never finished opening in one round while they opened in ~10 s in the others,
 * once with the disk's fsync stalling, once without; a lone run of that server, three rounds in a
 * row, did not reproduce it. The section's numbers then come from the second start, not from none.
 */
async function measureOrRetry(target: Target, count: number, text: BudgetText, label: string): Promise<ManyDocsRun> {
  try {
    return await measure(target, count, text);
  } catch (error) {
    if (!(error instanceof Error) || !error.message.includes('to open')) throw error;
    console.log(`  ${label}: ${error.message}; once more with a fresh server and clients`);
    return measure(target, count, text);
  }
}

async function measure(target: Target, count: number, text: BudgetText): Promise<ManyDocsRun> {
  const dir = await makeTempDir('jixiao-bench-many-');
  const secret = randomBytes(32).toString('base64url');
  const script = { jixiao: 'jixiao-server.ts', 'bare Hocuspocus': 'hocuspocus-server.ts', 'Hocuspocus + fsync': 'hocuspocus-synced-server.ts' }[target];
  let server: ServerChild | undefined;
  let clients: Awaited<ReturnType<typeof openManyDocsClients>> | undefined;
  try {
    server = await forkServer(`${target} (${count} docs)`, script, { BENCH_DATA_DIR: dir.path, BENCH_JWT_SECRET: secret });
    const started = performance.now();
    const shares = target === 'jixiao' ? await jixiaoShares(server, dir.path, secret, text, count) : hocuspocusShares(server, text, count);
    clients = await openManyDocsClients(shares, openTimeoutMs(count));
    const openS = (performance.now() - started) / 1000;
    await sleep(1_000);
    const rssOpenMiB = server.readMemory()?.rssMiB ?? null;
    await clients.edit(WARMUP_EDITS, INTERVAL_MS, 'w');
    const cpuBefore = server.readCpuMs() ?? NaN;
    const { seen, acked } = await clients.edit(EDITS, INTERVAL_MS, 'm');
    const cpuPerEditMs = ((server.readCpuMs() ?? NaN) - cpuBefore) / seen.length;
    return { seen, acked, cpuPerEditMs, rssOpenMiB, rssAfterMiB: server.readMemory()?.rssMiB ?? null, openS };
  } finally {
    await clients?.close();
    await server?.stop();
    await dir.remove();
  }
}

async function jixiaoShares(server: ServerChild, dataDir: string, secret: string, text: BudgetText, count: number): Promise<ManyDocsShare[]> {
  const key = await loadSigningKey(dataDir, secret);
  const owner = await signToken(key, { sub: 'bench-owner', name: '基准测试', role: 'editor' });
  const tokens: [string, string] = [await signToken(key, { sub: 'bench-a', name: '甲', role: 'editor' }), await signToken(key, { sub: 'bench-b', name: '乙', role: 'editor' })];
  const body = JSON.stringify(text);
  const ids: string[] = [];
  for (let i = 0; i < count; i += 8) {
    ids.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(8, count - i) }, async () => {
          const res = await fetch(`${server.httpUrl}/api/docs`, { method: 'POST', headers: { authorization: `Bearer ${owner}`, 'content-type': 'application/json' }, body });
          const created = (await res.json()) as { id?: string };
          if (res.status !== 201 || !created.id) throw new Error(`POST /api/docs answered ${res.status}`);
          return created.id;
        }),
      )),
    );
  }
  return ids.map((id) => ({ url: `${server.wsUrl}/collab/${id}`, name: id, tokens, seed: null }));
}

function hocuspocusShares(server: ServerChild, text: BudgetText, count: number): ManyDocsShare[] {
  const doc = toBudgetYDoc(text);
  const seed = Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64');
  doc.destroy();
  return Array.from({ length: count }, (_, i) => ({ url: server.wsUrl, name: `many-${i}`, tokens: [null, null], seed }));
}
