import { mkdtemp, rm } from 'node:fs/promises';
import { afterAll, onTestFinished } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startJixiaoServer, type JixiaoServer, type JixiaoServerOptions } from '../../server/app.ts';
import { signToken, type Identity } from '../../server/auth/tokens.ts';

/**
 * A server on 127.0.0.1:0 with its own temporary data folder. It stops (and its folder is removed)
 * by itself: at the end of the test that started it, or of the test file when it was started in
 * a `beforeAll`, as Hocuspocus' test factory does.
 */
export interface TestServer extends JixiaoServer {
  dataDir: string;
  wsUrl: string;
  /** A valid token for a user (default role editor). */
  tokenFor(sub: string, role?: Identity['role'], name?: string): Promise<string>;
  /** Stops this server and starts a new one on the same data folder, with the same lifetime. */
  restart(): Promise<TestServer>;
  /** Stops the server and deletes its data folder now (otherwise done at the end of its test or file). */
  cleanup(): Promise<void>;
}

// Teardowns of servers started outside a test; run when the test file that imported this ends.
// The benchmarks use this factory outside vitest and call cleanup() themselves.
const fileTeardowns = new Set<() => Promise<void>>();
if (process.env['VITEST']) {
  afterAll(async () => {
    for (const teardown of [...fileTeardowns]) await teardown();
  });
}

/** Starts a real jixiao server for a test; pass another server's `dataDir` to open the same data (its owner removes it). */
export async function startTestServer(options: Partial<JixiaoServerOptions> = {}): Promise<TestServer> {
  const ownsDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'jixiao-test-')));
  const started: JixiaoServer[] = [];
  const teardown = async () => {
    fileTeardowns.delete(teardown);
    for (const server of started.splice(0)) await server.stop();
    if (ownsDir) await rm(dataDir, { recursive: true, force: true });
  };
  try {
    onTestFinished(teardown);
  } catch {
    // Not inside a test (a beforeAll): the server lives until its file ends.
    fileTeardowns.add(teardown);
  }
  const launch = async (): Promise<TestServer> => {
    const server = await startJixiaoServer({ host: '127.0.0.1', port: 0, demo: false, ...options, dataDir });
    started.push(server);
    return {
      ...server,
      dataDir,
      wsUrl: server.url.replace(/^http/, 'ws'),
      tokenFor: (sub, role = 'editor', name = sub) => signToken(server.key, { sub, name, role }),
      restart: async () => {
        await server.stop();
        return launch();
      },
      cleanup: teardown,
    };
  };
  return launch();
}

/** Calls the API with a token; returns status and parsed JSON body. */
export async function api(
  server: { url: string },
  method: string,
  path: string,
  options: { token?: string; body?: unknown; raw?: string } = {},
): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = {};
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  if (options.body !== undefined || options.raw !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(server.url + path, {
    method,
    headers,
    body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body };
}
