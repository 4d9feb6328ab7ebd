import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { signToken } from '../../server/auth/tokens.ts';
import { SEED_DIR } from '../../server/demo/load-demo-docs.ts';
import { editText, toBudgetJson } from '../../shared/model/index.ts';
import type { TestClient } from '../helpers/test-client.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { allowConsole } from '../helpers/fail-on-console.ts';
import { failWrites } from '../helpers/failing-writes.ts';
import { rawHttp } from '../helpers/raw-http.ts';
import { connectClient } from '../helpers/test-client.ts';
import { api, startTestServer, type TestServer } from '../helpers/test-server.ts';

const UPGRADE = 'Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n';

describe('no request can end the process', () => {
  let server: TestServer;
  let token: string;
  let id: string;
  beforeAll(async () => {
    server = await startTestServer();
    token = await server.tokenFor('alice', 'owner', '张三');
    id = ((await api(server, 'POST', '/api/docs', { token, body: makeSmallBudgetText() })).body as { id: string }).id;
  });
  afterAll(() => server.cleanup());
  const healthy = async () => (await api(server, 'GET', '/api/health')).status;

  it('A: refuses an upgrade with `Origin: null` (403) and keeps serving', async () => {
    allowConsole(/refused upgrade: 403/);
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${server.wsUrl}/collab/${id}`, { headers: { origin: 'null' } });
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve(101));
      ws.on('error', () => undefined);
    });
    expect(status).toBe(403);
    expect(await healthy()).toBe(200);
  });

  it('B: answers `GET //[` and bad % escapes with 400, with or without upgrade headers, and no stack trace', async () => {
    allowConsole(/malformed request target/);
    allowConsole(/upgrade with a malformed target/);
    const plain = await rawHttp(server.port, 'GET //[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    const upgrade = await rawHttp(server.port, `GET //[ HTTP/1.1\r\nHost: x\r\n${UPGRADE}\r\n`);
    const escape = await rawHttp(server.port, 'GET /%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    const apiEscape = await rawHttp(server.port, 'GET /api/docs/%ZZ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect([plain.status, upgrade.status, escape.status, apiEscape.status]).toEqual([400, 400, 400, 400]);
    expect(plain.text).toContain('Malformed request path');
    expect(escape.text).not.toMatch(/at .*\.ts:\d+/);
    expect(await healthy()).toBe(200);
  });

  it('refuses an oversized body with 413 even on a route that takes none, and creates nothing', async () => {
    const listed = async () => ((await api(server, 'GET', '/api/docs', { token })).body as unknown[]).length;
    const before = await listed();
    const res = await fetch(`${server.url}/api/docs/${id}/next-year`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: Buffer.alloc(11 * 1024 * 1024, 0x61) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string; zh: string; en: string } }).error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', zh: expect.stringContaining('10 MB') as string, en: expect.stringContaining('10 MB') as string });
    expect(await listed()).toBe(before);
    expect(await healthy()).toBe(200);
  });

  it('sends protective headers with the client and the API', async () => {
    for (const path of ['/', '/api/health']) {
      const res = await fetch(server.url + path);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
      expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    }
  });

  it('refreshes a still-valid token for the same person, up to SESSION_MAX_HOURS from sign-in', async () => {
    const refreshed = await api(server, 'POST', '/api/token/refresh', { token });
    expect(refreshed.status).toBe(200);
    const fresh = (refreshed.body as { token: string }).token;
    expect((await api(server, 'GET', '/api/me', { token: fresh })).body).toMatchObject({ sub: 'alice', role: 'owner' });
    const longAgo = Math.floor(Date.now() / 1000) - 25 * 3600;
    const old = await signToken(server.key, { sub: 'alice', name: '张三', role: 'owner' }, 3600, longAgo);
    const capped = await api(server, 'POST', '/api/token/refresh', { token: old });
    expect(capped.status).toBe(401);
    expect(capped.body).toMatchObject({ error: { code: 'UNAUTHORIZED', zh: expect.stringContaining('最长') } });
    const expired = await signToken(server.key, { sub: 'alice', name: '张三', role: 'owner' }, -10);
    expect((await api(server, 'POST', '/api/token/refresh', { token: expired })).status).toBe(401);
  });

  it('answers 503 when a server-side write cannot be stored, and changes nothing anyone can see', async () => {
    allowConsole(/storage failed: .*simulated failed write/);
    // The record that the document is owed an automatic version rides the next commit, which may fall in the outage.
    allowConsole(/failed to note whether .* is owed an automatic version/, false);
    const watcher = connectClient(server.wsUrl, id, token);
    await watcher.synced;
    const v1 = (await api(server, 'POST', `/api/docs/${id}/versions`, { token, body: { label: '初稿' } })).body as { id: string };
    expect((await api(server, 'POST', `/api/docs/${id}/comments`, { token, body: { anchor: {}, text: '第一条' } })).status).toBe(201);
    typeSafeguards(watcher, '改过的标题');
    await watcher.acknowledged();
    const before = toBudgetJson(watcher.doc);
    const broken = failWrites(server.store.db, true);
    const comment = await api(server, 'POST', `/api/docs/${id}/comments`, { token, body: { anchor: {}, text: '第二条' } });
    const restore = await api(server, 'POST', `/api/docs/${id}/versions/${v1.id}/restore`, { token });
    broken.restore();
    expect(comment.status).toBe(503);
    expect(comment.body).toMatchObject({ error: { code: 'STORAGE_FAILED', zh: expect.any(String), en: expect.any(String) } });
    expect(restore.status).toBe(503);
    const texts = ((await api(server, 'GET', `/api/docs/${id}/comments`, { token })).body as Array<{ comments: Array<{ text: string }> }>).map((t) => t.comments[0]?.text);
    expect(texts).toEqual(['第一条']);
    expect(toBudgetJson(watcher.doc)).toEqual(before);
    expect((await api(server, 'GET', `/api/docs/${id}`, { token })).body).toEqual(before);
    watcher.destroy();
  });
});

function typeSafeguards(client: TestClient, text: string): void {
  editText(client.doc, { section: 'safeguards' }, 0, 0, text);
}

describe('imports wait in a bounded queue', () => {
  it('F: answers 429 with Retry-After once the running and waiting imports are full, and still imports the rest', async () => {
    const saved = { c: process.env['IMPORT_CONCURRENCY'], q: process.env['IMPORT_QUEUE'] };
    process.env['IMPORT_CONCURRENCY'] = '1';
    process.env['IMPORT_QUEUE'] = '1';
    const server = await startTestServer();
    process.env['IMPORT_CONCURRENCY'] = saved.c;
    process.env['IMPORT_QUEUE'] = saved.q;
    if (saved.c === undefined) delete process.env['IMPORT_CONCURRENCY'];
    if (saved.q === undefined) delete process.env['IMPORT_QUEUE'];
    const token = await server.tokenFor('alice', 'owner', '张三');
    const raw = await readFile(join(SEED_DIR, (await readdir(SEED_DIR)).filter((f) => f.endsWith('.txt')).sort()[0] as string), 'utf8');
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => fetch(`${server.url}/api/docs/import`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: raw })),
    );
    const statuses = answers.map((a) => a.status).sort();
    const refused = answers.find((a) => a.status === 429);
    expect(statuses.filter((s) => s === 201)).toHaveLength(2);
    expect(statuses.filter((s) => s === 429)).toHaveLength(3);
    expect(refused?.headers.get('retry-after')).toBe('5');
    expect(await refused?.json()).toMatchObject({ error: { code: 'TOO_MANY_REQUESTS', zh: expect.stringContaining('导入') } });
    await server.cleanup();
  });
});
