import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startJixiaoServer, type JixiaoServer, type JixiaoServerOptions } from '../../server/app.ts';
import { signToken, type Identity } from '../../server/auth/tokens.ts';

/** A server on 127.0.0.1:0 with its own temporary data folder, removed by `cleanup()`. */
export interface TestServer extends JixiaoServer {
  dataDir: string;
  wsUrl: string;
  /** A valid token for a user (default role editor). */
  tokenFor(sub: string, role?: Identity['role'], name?: string): Promise<string>;
  /** Stops the server and deletes its data folder. */
  cleanup(): Promise<void>;
}

/** Starts a real jixiao server for a test; reuse `dataDir` to restart on the same data. */
export async function startTestServer(options: Partial<JixiaoServerOptions> = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'jixiao-test-')));
  const server = await startJixiaoServer({ host: '127.0.0.1', port: 0, demo: false, ...options, dataDir });
  return {
    ...server,
    dataDir,
    wsUrl: server.url.replace(/^http/, 'ws'),
    tokenFor: (sub, role = 'editor', name = sub) => signToken(server.key, { sub, name, role }),
    cleanup: async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
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
