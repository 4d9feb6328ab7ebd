import { randomBytes } from 'node:crypto';
import { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { loadSigningKey, signToken } from '../../server/auth/tokens.ts';
import { setIndicatorField } from '../../shared/model/index.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { makeTempDir } from './exit-hooks.ts';
import { forkServer, type ServerChild } from './server-child.ts';
import { formatNumber, summarize, type Summary } from './stats.ts';
import { sleep, waitUntil } from './timing.ts';

/** What the many-documents scenario measured. */
export interface OpenDocumentsResult {
  documents: number;
  /** Creating them through the API (PostgreSQL writes), s. */
  createS: number;
  /** Connecting one client per document until all are synced, s. */
  openS: number;
  /** Edit → acknowledged (committed in PostgreSQL), one edit per document, paced. */
  ack: Summary;
  /** Per instance: RSS with every document open, MiB, and documents it held. */
  instances: Array<{ rssMiB: number | null; documents: number }>;
  cpuPerEditMs: number;
  /** Edits not acknowledged within {@link ACK_TIMEOUT_MS} of the last one sent (0 when all were). */
  unacknowledged: number;
}

/** How long after the last edit the scenario waits for every acknowledgement before it reports the missing ones. */
const ACK_TIMEOUT_MS = 60_000;

/**
 * `documents` documents over two instances on PostgreSQL + Redis, every other document on each
 * and all of a document's traffic on its instance (as the balancer's affinity keeps it), one
 * client each; then one edit per document, paced at `editsPerSecond`, timed until acknowledged.
 */
export async function runOpenDocuments(databaseUrl: string, redisUrl: string, documents = 1_000, editsPerSecond = 200): Promise<OpenDocumentsResult> {
  const dir = await makeTempDir('jixiao-bench-docs-');
  const secret = randomBytes(32).toString('base64url');
  const env = { BENCH_DATA_DIR: dir.path, BENCH_JWT_SECRET: secret, BENCH_DATABASE_URL: databaseUrl, BENCH_REDIS_URL: redisUrl };
  const servers: ServerChild[] = [];
  const providers: HocuspocusProvider[] = [];
  try {
    servers.push(await forkServer('documents #1', 'jixiao-server.ts', env), await forkServer('documents #2', 'jixiao-server.ts', env));
    const key = await loadSigningKey(dir.path, secret);
    const token = await signToken(key, { sub: 'bench', name: '基准', role: 'editor' });
    const body = JSON.stringify(makeSmallBudgetText());
    let started = performance.now();
    const ids: string[] = [];
    for (let i = 0; i < documents; i += 10) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(10, documents - i) }, async (_, j) => {
          const res = await fetch(`${(servers[(i + j) % 2] as ServerChild).httpUrl}/api/docs`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body });
          return ((await res.json()) as { id: string }).id;
        }),
      );
      ids.push(...batch);
    }
    const createS = (performance.now() - started) / 1000;
    started = performance.now();
    const synced: boolean[] = [];
    ids.forEach((id, i) => {
      const doc = new Y.Doc();
      providers.push(new HocuspocusProvider({ url: `${(servers[i % 2] as ServerChild).wsUrl}/collab/${id}`, name: id, document: doc, token, onSynced: () => (synced[i] = true) }));
    });
    await waitUntil(() => synced.filter(Boolean).length === documents, 180_000, () => `${synced.filter(Boolean).length}/${documents} documents to open`, 20);
    const openS = (performance.now() - started) / 1000;
    await sleep(1_000);
    const instances = servers.map((s, k) => ({ rssMiB: s.readMemory()?.rssMiB ?? null, documents: ids.filter((_, i) => i % 2 === k).length }));
    const cpuBefore = servers.map((s) => s.readCpuMs() ?? NaN);
    const ack: number[] = [];
    const pending: Array<Promise<void>> = [];
    for (const [i, provider] of providers.entries()) {
      const sent = performance.now();
      pending.push(
        new Promise<void>((resolve) => {
          const on = ({ number }: { number: number }) => {
            if (number !== 0) return;
            provider.off('unsyncedChanges', on);
            ack.push(performance.now() - sent);
            resolve();
          };
          provider.on('unsyncedChanges', on);
        }),
      );
      setIndicatorField(provider.document, 'p-reception', 'r-qty', 'description', `第${i}次修改`);
      await sleep(1_000 / editsPerSecond);
    }
    // Never waits forever: an edit nobody acknowledges is a finding to print, not a hung bench.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unacknowledged = await Promise.race([
      Promise.all(pending).then(() => 0),
      new Promise<number>((resolve) => (timer = setTimeout(() => resolve(documents - ack.length), ACK_TIMEOUT_MS))),
    ]);
    clearTimeout(timer);
    const cpu = servers.reduce((n, s, k) => n + ((s.readCpuMs() ?? NaN) - (cpuBefore[k] ?? NaN)), 0);
    return { documents, createS, openS, ack: summarize(ack), instances, cpuPerEditMs: cpu / documents, unacknowledged };
  } finally {
    for (const p of providers) p.destroy();
    await Promise.all(servers.map((s) => s.stop()));
    await dir.remove();
  }
}

/** The result as the lines the bench prints. */
export function formatOpenDocuments(r: OpenDocumentsResult): string {
  return [
    `${r.documents} documents created through the API in ${formatNumber(r.createS, 1)} s; one client each opened in ${formatNumber(r.openS, 1)} s`,
    ...r.instances.map((i, k) => `instance ${k + 1}: ${i.documents} documents open, RSS ${formatNumber(i.rssMiB, 0)} MiB`),
    `edit → acknowledged (committed), one per document at a steady pace: p50 ${formatNumber(r.ack.p50, 1)} ms, p99 ${formatNumber(r.ack.p99, 1)} ms, max ${formatNumber(r.ack.max, 1)} ms`,
    `server CPU per edit (both instances): ${formatNumber(r.cpuPerEditMs, 2)} ms`,
    ...(r.unacknowledged ? [`NOT acknowledged within ${ACK_TIMEOUT_MS / 1000} s: ${r.unacknowledged} of ${r.documents} edits`] : []),
  ].join('\n');
}
