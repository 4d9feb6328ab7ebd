import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signToken, type SigningKey } from '../../server/auth/tokens.ts';
import { toBudgetJson, type BudgetText } from '../../shared/model/index.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { seededRandom } from '../helpers/seeded-random.ts';
import { spawnServer, type ServerProcess } from '../helpers/server-process.ts';
import { CHAOS_PROJECT, ChaosClient } from './chaos-client.ts';

/** How a chaos run goes. */
export interface ChaosOptions {
  cycles: number;
  clients: number;
  seed: number;
  /** Prints progress lines (the npm script prints; a test stays quiet). */
  log?: (line: string) => void;
}

/** What a chaos run found. */
export interface ChaosReport {
  cycles: number;
  /** Acknowledged changes (text markers, cell values, comments) missing after a restart. */
  losses: number;
  /** Cycles after which the clients did not all end up with the server's document. */
  divergent: number;
  acknowledged: number;
}

/**
 * Kills the server with SIGKILL at random moments while `clients` real providers type, set
 * cells, move rows and comment through the API; after every restart checks that each
 * acknowledged change is there and that all clients converge on the server's document.
 */
export async function runChaos({ cycles, clients: count, seed, log = () => undefined }: ChaosOptions): Promise<ChaosReport> {
  const random = seededRandom(seed);
  const dataDir = await mkdtemp(join(tmpdir(), 'jixiao-chaos-'));
  const secretText = randomBytes(24).toString('base64url');
  const key: SigningKey = { secret: new TextEncoder().encode(secretText), source: 'env' };
  const report: ChaosReport = { cycles: 0, losses: 0, divergent: 0, acknowledged: 0 };
  let server: ServerProcess | null = await spawnServer(dataDir, secretText);
  const port = Number(new URL(server.url).port);
  const tokens = await Promise.all(Array.from({ length: count }, (_, i) => signToken(key, { sub: `chaos-${i}`, name: `用户${i}`, role: 'editor' })));
  const owner = await signToken(key, { sub: 'chaos-owner', name: '负责人', role: 'owner' });
  const docId = await createDocument(server.url, owner, count);
  const clients = tokens.map((t, i) => new ChaosClient(i, server?.wsUrl ?? '', docId, t));
  // Ctrl+C ends the script with process.exit: never leave a server running behind it.
  const killServer = () => server?.child.kill('SIGKILL');
  process.once('exit', killServer);
  const comments: string[] = [];
  try {
    for (let cycle = 1; cycle <= cycles; cycle++) {
      const running = server;
      if (!running) break;
      // Activity for a random while, then SIGKILL at a random moment within it.
      const until = Date.now() + 300 + random.int(1200);
      let n = 0;
      while (Date.now() < until) {
        for (const c of clients) if (random.next() < 0.3) c.act(random);
        if (random.next() < 0.2) void comment(running.url, owner, docId, `评论${cycle}.${++n}`).then((t) => t && comments.push(t));
        await new Promise((r) => setTimeout(r, 10 + random.int(40)));
      }
      running.child.kill('SIGKILL');
      await running.exited;
      // What was acknowledged when the server died; later acks (of resent edits) are newer.
      const ackedAtKill = clients.map((c) => ({ index: c.index, acked: { ...c.acked, textMarks: [...c.acked.textMarks] } }));
      const commentsAtKill = [...comments];
      server = await spawnServer(dataDir, secretText, port);
      const json = await getJson<BudgetText>(server.url, `/api/docs/${docId}`, owner);
      const threads = await getJson<Array<{ comments: Array<{ text: string }> }>>(server.url, `/api/docs/${docId}/comments`, owner);
      const lost = countLosses(json, threads, ackedAtKill, commentsAtKill, log);

      report.losses += lost;
      const settled = await waitUntil(() => clients.every((c) => c.settled), 30_000);
      const now = await getJson<BudgetText>(server.url, `/api/docs/${docId}`, owner);
      const same = settled && clients.every((c) => JSON.stringify(toBudgetJson(c.doc)) === JSON.stringify(now));
      if (!same) {
        report.divergent++;
        const unsettled = clients.filter((c) => !c.settled).length;
        const differing = clients.filter((c) => JSON.stringify(toBudgetJson(c.doc)) !== JSON.stringify(now)).length;
        log(`  not converged: ${unsettled} clients unsettled, ${differing} differ from the server; server log:\n${server.output().slice(-2000)}`);
      }
      report.cycles = cycle;
      report.acknowledged = clients.reduce((s, c) => s + c.acked.textMarks.length + (c.acked.cellSeq ? 1 : 0), 0) + comments.length;
      log(`cycle ${cycle}/${cycles}: ${lost} lost, ${same ? 'converged' : 'NOT converged'} (acknowledged so far: ${report.acknowledged})`);
    }
  } finally {
    process.off('exit', killServer);
    clients.forEach((c) => c.destroy());
    server?.child.kill('SIGKILL');
    if (server) await server.exited;
    await rm(dataDir, { recursive: true, force: true });
  }
  return report;
}

function countLosses(
  json: BudgetText,
  threads: Array<{ comments: Array<{ text: string }> }>,
  clients: Array<Pick<ChaosClient, 'index' | 'acked'>>,
  comments: string[],
  log: (line: string) => void,
): number {
  const texts = `${json.overview.overallGoal}${json.overview.subGoals}${json.overview.safeguards}`;
  const rows = json.projects.find((p) => p.id === CHAOS_PROJECT)?.indicators ?? [];
  const said = new Set(threads.flatMap((t) => t.comments.map((c) => c.text)));
  const lost = { text: 0, cell: 0, comment: comments.filter((t) => !said.has(t)).length };
  for (const c of clients) {
    lost.text += c.acked.textMarks.filter((m) => !texts.includes(m)).length;
    const value = rows.find((r) => r.id === `chaos-${c.index}`)?.value ?? '';
    if (c.acked.cellSeq && Number(value.slice(1)) < c.acked.cellSeq) lost.cell++;
  }
  if (lost.text + lost.cell + lost.comment) log(`  lost: ${lost.text} text markers, ${lost.cell} cell values, ${lost.comment} comments`);
  return lost.text + lost.cell + lost.comment;
}

async function createDocument(url: string, token: string, clients: number): Promise<string> {
  const text = makeSmallBudgetText();
  const project = text.projects.find((p) => p.id === CHAOS_PROJECT);
  for (let i = 0; i < clients; i++) project?.indicators.push({ id: `chaos-${i}`, level1: '产出指标', level2: '数量指标', name: `混沌${i}`, description: '', value: '', basis: '' });
  const res = await fetch(`${url}/api/docs`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(text) });
  const body = (await res.json()) as { id?: string };
  if (!body.id) throw new Error(`could not create the chaos document: ${res.status}`);
  return body.id;
}

/** Posts a comment; resolves with its text when the API acknowledged it (201), else null. */
async function comment(url: string, token: string, docId: string, text: string): Promise<string | null> {
  try {
    const res = await fetch(`${url}/api/docs/${docId}/comments`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ anchor: {}, text }) });
    await res.arrayBuffer();
    return res.status === 201 ? text : null;
  } catch {
    return null;
  }
}

async function getJson<T>(url: string, path: string, token: string): Promise<T> {
  const res = await fetch(url + path, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET ${path} answered ${res.status}`);
  return (await res.json()) as T;
}

async function waitUntil(predicate: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
}
