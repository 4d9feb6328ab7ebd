import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { signToken, type SigningKey } from '../../server/auth/tokens.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { seededRandom } from '../helpers/seeded-random.ts';
import { spawnServer, type ServerProcess } from '../helpers/server-process.ts';
import { FRAME_KINDS, FrameMaker } from './fuzz-frames.ts';
import { ProbeThread } from './probe-thread.ts';

/** How a fuzz run goes. */
export interface FuzzOptions {
  frames: number;
  seed: number;
  /** Hostile sockets open at once (half authenticated editors, half never authenticated). */
  sockets?: number;
  log?: (line: string) => void;
}

/** What a fuzz run measured. */
export interface FuzzReport {
  framesSent: number;
  /** Whether the server process was still alive and answering at the end. */
  survived: boolean;
  rssStartMiB: number;
  rssPeakMiB: number;
  rssEndMiB: number;
  /** p99 of an honest colleague's edit reaching another, before and during the fuzzing (ms). */
  quietP99Ms: number;
  fuzzP99Ms: number;
  /** Lines the server logged during the run (refusals are logged, but a flood must not flood the log). */
  logLines: number;
}

/**
 * Sends `frames` hostile frames from authenticated editors and unauthenticated sockets to a
 * server in its own process, while two honest clients edit another document; reports whether the
 * server survived, its RSS, and the honest clients' edit latency quiet vs under fuzz.
 */
export async function runFuzz({ frames, seed, sockets = 16, log = () => undefined }: FuzzOptions): Promise<FuzzReport> {
  const random = seededRandom(seed);
  const dataDir = await mkdtemp(join(tmpdir(), 'jixiao-fuzz-'));
  const secret = randomBytes(24).toString('base64url');
  const key: SigningKey = { secret: new TextEncoder().encode(secret), source: 'env' };
  const server = await spawnServer(dataDir, secret);
  const killServer = () => server.child.kill('SIGKILL');
  process.once('exit', killServer);
  try {
    const owner = await signToken(key, { sub: 'fuzz-owner', name: '负责人', role: 'owner' });
    const target = await createDoc(server.url, owner);
    const quiet = await createDoc(server.url, owner);
    const probe = await ProbeThread.start(server.wsUrl, quiet, owner, await signToken(key, { sub: 'fuzz-honest', name: '同事', role: 'editor' }));
    // The attacker stands for a machine of its own: on Linux a nice value is per thread, so
    // this lowers only the fuzzing thread (the honest colleagues' thread and the server, started
    // before, keep normal priority). It still sends as fast as the spare CPU allows.
    setPriority(19);
    const quietP99Ms = await probe.measure(100);
    const rss = { start: await rssMiB(server), peak: 0 };
    const sampler = setInterval(() => void rssMiB(server).then((m) => (rss.peak = Math.max(rss.peak, m))), 100);
    const maker = new FrameMaker(random, target);
    const editorTokens = await Promise.all(Array.from({ length: sockets / 2 }, (_, i) => signToken(key, { sub: `fuzz-${i}`, name: `攻击${i}`, role: 'editor' })));
    let sent = 0;
    const during = probe.measureUntilStopped();
    const lanes = Array.from({ length: sockets }, async (_, lane) => {
      const token = lane % 2 === 0 ? (editorTokens[lane / 2] ?? null) : null;
      while (sent < frames) {
        const ws = await open(server.wsUrl, target, token);
        if (!ws) continue;
        // A burst per socket; the server may close it at the first bad frame and drop the rest.
        for (let i = 0; i < 50 && sent < frames && ws.readyState === WebSocket.OPEN; i++) {
          sent++;
          ws.send(maker.make(random.pick(FRAME_KINDS)));
        }
        await new Promise((r) => setTimeout(r, 5));
        ws.terminate();
        if (sent % 5_000 < 50) log(`  ${sent} frames sent, RSS peak ${rss.peak.toFixed(0)} MiB`);
      }
    });
    await Promise.all(lanes);
    const fuzzP99Ms = await during.stop();
    clearInterval(sampler);
    await probe.destroy();
    if (process.env['FUZZ_SERVER_LOG']) await writeFile(process.env['FUZZ_SERVER_LOG'], server.output());
    const alive = await fetch(`${server.url}/api/health`).then((r) => r.ok, () => false);
    return { framesSent: sent, survived: alive && server.child.exitCode === null, rssStartMiB: rss.start, rssPeakMiB: rss.peak, rssEndMiB: await rssMiB(server), quietP99Ms, fuzzP99Ms, logLines: server.output().split('\n').length };
  } finally {
    process.off('exit', killServer);
    server.child.kill('SIGKILL');
    await server.exited;
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Opens a socket at `/collab/<doc>`; with a token, authenticates first. Null when refused. */
async function open(wsUrl: string, doc: string, token: string | null): Promise<WebSocket | null> {
  const ws = new WebSocket(`${wsUrl}/collab/${doc}`);
  ws.on('error', () => undefined);
  const opened = await new Promise<boolean>((resolve) => (ws.once('open', () => resolve(true)), ws.once('close', () => resolve(false))));
  if (!opened) return null;
  if (!token) return ws;
  const e = encoding.createEncoder();
  encoding.writeVarString(e, doc);
  encoding.writeVarUint(e, 2);
  encoding.writeVarUint(e, 0);
  encoding.writeVarString(e, token);
  ws.send(encoding.toUint8Array(e));
  const answered = await new Promise<boolean>((resolve) => (ws.once('message', () => resolve(true)), ws.once('close', () => resolve(false))));
  return answered ? ws : null;
}

async function createDoc(url: string, token: string): Promise<string> {
  const res = await fetch(`${url}/api/docs`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(makeSmallBudgetText()) });
  const body = (await res.json()) as { id?: string };
  if (!body.id) throw new Error(`could not create a document: ${res.status}`);
  return body.id;
}

async function rssMiB(server: ServerProcess): Promise<number> {
  const status = await readFile(`/proc/${server.child.pid}/status`, 'utf8').catch(() => '');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}
