import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { loadSigningKey, signToken } from '../../server/auth/tokens.ts';
import { toBudgetYDoc } from '../../shared/model/index.ts';
import { connectHocuspocusClient, connectYWebsocketClient, type BenchClient } from './bench-clients.ts';
import { makeProbeBudgetText } from './fanout-probe.ts';
import { makeTempDir } from './exit-hooks.ts';
import { forkServer, type ServerChild } from './server-child.ts';

/** A fresh document on a target, ready for one scenario's clients. */
interface FanoutDocument {
  /** Connects client number `index` (0-based) to the document. */
  connect(index: number): Promise<BenchClient>;
  /** Update client 0 applies before the others join; null when the server already holds the text. */
  seed: Uint8Array | null;
}

/** A server under test, running in its own process. */
export interface FanoutTarget {
  label: string;
  server: ServerChild;
  /** Creates a document named after `scenario` (unique per call) with probe rows for `clients` clients. */
  openDocument(scenario: string, clients: number): Promise<FanoutDocument>;
  /** Stops the server and removes its data; never rejects. */
  stop(): Promise<void>;
}

/** The probe budget text as one Yjs update, for servers that start with empty documents. */
function budgetTextSeed(clients: number): Uint8Array {
  const doc = toBudgetYDoc(makeProbeBudgetText(clients));
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** Where jixiao keeps its data in a bench, and how many instances serve how (scale-out bench). */
export interface JixiaoTargetOptions {
  label?: string;
  /** PostgreSQL instead of LevelDB. */
  databaseUrl?: string;
  /** Redis linking `instances` instances. */
  redisUrl?: string;
  /** 2: two instances; `split` puts client i on instance i % 2 (no affinity), otherwise all on the first. */
  instances?: { count: 2; split: boolean };
  /** Another build of the server (`dist/server` by default): for before/after pairs. */
  serverDir?: string;
}

/** The project's server: JWT auth, LevelDB persistence in a temporary folder (or PostgreSQL), documents made by the API. */
export async function startJixiaoTarget(options: JixiaoTargetOptions = {}): Promise<FanoutTarget> {
  const dir = await makeTempDir('jixiao-bench-');
  const secret = randomBytes(32).toString('base64url');
  const label = options.label ?? 'jixiao';
  const env = { BENCH_DATA_DIR: dir.path, BENCH_JWT_SECRET: secret, BENCH_DATABASE_URL: options.databaseUrl, BENCH_REDIS_URL: options.redisUrl, BENCH_SERVER_DIR: options.serverDir };
  const servers: ServerChild[] = [];
  try {
    for (let i = 0; i < (options.instances?.count ?? 1); i++) servers.push(await forkServer(`${label} #${i + 1}`, 'jixiao-server.ts', env));
  } catch (e) {
    await Promise.all(servers.map((s) => s.stop()));
    await dir.remove();
    throw e;
  }
  const server = servers.length === 1 ? (servers[0] as ServerChild) : combinedServer(label, servers);
  const instanceOf = (index: number) => (options.instances?.split ? (servers[index % servers.length] as ServerChild) : (servers[0] as ServerChild));
  const key = await loadSigningKey(dir.path, secret);
  return {
    label,
    server,
    openDocument: async (_scenario, clients) => {
      const ownerToken = await signToken(key, { sub: 'bench-owner', name: '基准测试', role: 'editor' });
      const res = await fetch(`${server.httpUrl}/api/docs`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ownerToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(makeProbeBudgetText(clients)),
      });
      const body = (await res.json()) as { id?: string };
      if (res.status !== 201 || !body.id) throw new Error(`POST /api/docs answered ${res.status}: ${JSON.stringify(body)}`);
      const id = body.id;
      // Every client's token is signed before the first connects, so the providers are created
      // back to back as for the other servers. Signed one by one between connects, they were
      // spread over tens of milliseconds, and with them the providers' awareness renewals (each
      // provider renews every 15 s from its creation): the reference servers received their 20
      // clients' renewals together and broadcast them merged, jixiao one by one (~4× the socket
      // writes for presence, ~1 ms of CPU a second with nobody typing).
      const sign = (index: number) => signToken(key, { sub: `bench-${index}`, name: `用户${index}`, role: 'editor' });
      const tokens = await Promise.all(Array.from({ length: clients }, (_, index) => sign(index)));
      return {
        seed: null,
        connect: async (index) => {
          const token = tokens[index] ?? (await sign(index));
          return connectHocuspocusClient(`${instanceOf(index).wsUrl}/collab/${id}`, id, token);
        },
      };
    },
    stop: async () => {
      await server.stop();
      await dir.remove();
    },
  };
}

/** Hocuspocus with no extensions, in memory: what jixiao adds its extensions to. */
export async function startBareHocuspocusTarget(): Promise<FanoutTarget> {
  const server = await forkServer('bare Hocuspocus', 'hocuspocus-server.ts');
  return {
    label: 'bare Hocuspocus',
    server,
    openDocument: async (scenario, clients) => {
      const name = `bench-${scenario}`;
      return { seed: budgetTextSeed(clients), connect: async () => connectHocuspocusClient(server.wsUrl, name, null) };
    },
    stop: () => server.stop(),
  };
}

/** Bare Hocuspocus plus only jixiao's synced append (LevelDB, fsync, group commit): the fair reference. */
export async function startSyncedHocuspocusTarget(): Promise<FanoutTarget> {
  const dir = await makeTempDir('hocuspocus-synced-bench-');
  const server = await forkServer('Hocuspocus + fsync', 'hocuspocus-synced-server.ts', { BENCH_DATA_DIR: dir.path }).catch(async (e: unknown) => {
    await dir.remove();
    throw e;
  });
  return {
    label: 'Hocuspocus + fsync',
    server,
    openDocument: async (scenario, clients) => {
      const name = `bench-${scenario}`;
      return { seed: budgetTextSeed(clients), connect: async () => connectHocuspocusClient(server.wsUrl, name, null) };
    },
    stop: async () => {
      await server.stop();
      await dir.remove();
    },
  };
}

/** The y-websocket reference server, in memory. */
export async function startYWebsocketTarget(): Promise<FanoutTarget> {
  const server = await forkServer('y-websocket', 'y-websocket-server.ts', { YPERSISTENCE: undefined, GC: undefined });
  return {
    label: 'y-websocket',
    server,
    openDocument: async (scenario, clients) => {
      const room = `bench-${scenario}`;
      return { seed: budgetTextSeed(clients), connect: async () => connectYWebsocketClient(server.wsUrl, room) };
    },
    stop: () => server.stop(),
  };
}

/** Several instances measured as one: CPU and memory summed, the first one's URLs. */
function combinedServer(label: string, servers: readonly ServerChild[]): ServerChild {
  const first = servers[0] as ServerChild;
  return {
    label,
    pid: first.pid,
    httpUrl: first.httpUrl,
    wsUrl: first.wsUrl,
    readCpuMs: () => {
      const all = servers.map((s) => s.readCpuMs());
      return all.includes(null) ? null : all.reduce((a, b) => (a ?? 0) + (b ?? 0), 0);
    },
    readMemory: () => {
      const all = servers.map((s) => s.readMemory());
      return all.some((m) => m === null) ? null : { rssMiB: all.reduce((a, m) => a + (m?.rssMiB ?? 0), 0), peakMiB: all.reduce((a, m) => a + (m?.peakMiB ?? 0), 0) };
    },
    stop: async () => {
      await Promise.all(servers.map((s) => s.stop()));
    },
  };
}
