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

/** The project's server: JWT auth, LevelDB persistence in a temporary folder, documents made by the API. */
export async function startJixiaoTarget(): Promise<FanoutTarget> {
  const dir = await makeTempDir('jixiao-bench-');
  const secret = randomBytes(32).toString('base64url');
  const server = await forkServer('jixiao', 'jixiao-server.ts', { BENCH_DATA_DIR: dir.path, BENCH_JWT_SECRET: secret }).catch(async (e: unknown) => {
    await dir.remove();
    throw e;
  });
  const key = await loadSigningKey(dir.path, secret);
  return {
    label: 'jixiao',
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
      return {
        seed: null,
        connect: async (index) => {
          const token = await signToken(key, { sub: `bench-${index}`, name: `用户${index}`, role: 'editor' });
          return connectHocuspocusClient(`${server.wsUrl}/collab/${id}`, id, token);
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
