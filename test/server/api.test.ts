import { beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../helpers/test-server.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';

describe('HTTP API', () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer();
    token = await server.tokenFor('alice', 'owner', '张三');
  });

  it('answers health without a token', async () => {
    expect(await api(server, 'GET', '/api/health')).toEqual({ status: 200, body: { ok: true } });
  });

  it('refuses a missing, forged or expired token with 401 and a bilingual message', async () => {
    const missing = await api(server, 'GET', '/api/docs');
    expect(missing.status).toBe(401);
    expect(missing.body).toMatchObject({ error: { code: 'UNAUTHORIZED', zh: expect.stringMatching(/登录/), en: expect.stringMatching(/token/) } });
    const forged = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect((await api(server, 'GET', '/api/docs', { token: forged })).status).toBe(401);
    const { signToken } = await import('../../server/auth/tokens.ts');
    const expired = await signToken(server.key, { sub: 'alice', name: '张三', role: 'owner' }, -10);
    expect((await api(server, 'GET', '/api/docs', { token: expired })).status).toBe(401);
  });

  it('creates a document from canonical JSON, lists it and returns it unchanged', async () => {
    const text = makeSmallBudgetText();
    const created = await api(server, 'POST', '/api/docs', { token, body: text });
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;
    expect(await api(server, 'GET', `/api/docs/${id}`, { token })).toEqual({ status: 200, body: text });
    const list = await api(server, 'GET', '/api/docs', { token });
    expect(list.body).toEqual(
      expect.arrayContaining([
        { id, title: text.title, year: 2025, department: text.department, updatedAt: expect.any(String), status: 'draft', errors: 0 },
      ]),
    );
  });

  it('rejects invalid bodies with 400 listing the zod issues, and writes nothing', async () => {
    const before = (await api(server, 'GET', '/api/docs', { token })).body as unknown[];
    const bad = { ...makeSmallBudgetText(), year: '2025', unit: '元' };
    const res = await api(server, 'POST', '/api/docs', { token, body: bad });
    expect(res.status).toBe(400);
    const issues = (res.body as { error: { code: string; details: { issues: Array<{ path: string }> } } }).error;
    expect(issues.code).toBe('INVALID_DOCUMENT');
    expect(issues.details.issues.map((i) => i.path).sort()).toEqual(['unit', 'year']);
    const invalidJson = await api(server, 'POST', '/api/docs', { token, raw: '{"title": ' });
    expect(invalidJson.status).toBe(400);
    expect(invalidJson.body).toMatchObject({ error: { code: 'INVALID_JSON' } });
    expect(((await api(server, 'GET', '/api/docs', { token })).body as unknown[]).length).toBe(before.length);
  });

  it('answers 404 for unknown and malformed ids', async () => {
    expect((await api(server, 'GET', '/api/docs/nope123', { token })).status).toBe(404);
    expect((await api(server, 'GET', '/api/docs/..%2F..%2Fetc', { token })).status).toBe(404);
    expect((await api(server, 'GET', '/api/nothing', { token })).status).toBe(404);
  });

  it('lets only owners and editors create documents', async () => {
    const viewer = await server.tokenFor('erin', 'viewer');
    expect((await api(server, 'POST', '/api/docs', { token: viewer, body: makeSmallBudgetText() })).status).toBe(403);
  });

  it('offers demo sign-in only on the locally generated secret', async () => {
    const users = await api(server, 'GET', '/api/demo/users');
    expect(users.status).toBe(200);
    const signed = await api(server, 'POST', '/api/demo/token', { body: { sub: 'bob' } });
    const me = await api(server, 'GET', '/api/me', { token: (signed.body as { token: string }).token });
    expect(me.body).toEqual({ sub: 'bob', name: '李四', role: 'editor', org: 'lt-zfb', orgKind: 'department', region: '130225', color: expect.stringMatching(/^hsl/) });

    const strict = await startTestServer({ jwtSecret: 'a-secret-of-at-least-16-chars' });
    expect((await api(strict, 'GET', '/api/demo/users')).status).toBe(404);
    expect((await api(strict, 'POST', '/api/demo/token', { body: { sub: 'bob' } })).status).toBe(404);
  });
});
