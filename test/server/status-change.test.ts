import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setIndicatorField, type BudgetText } from '../../shared/model/index.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/test-client.ts';
import { api, startTestServer, type TestServer } from '../helpers/test-server.ts';
import { allowConsole } from '../helpers/fail-on-console.ts';

type Access = { status: string; activity: Array<{ action: string; to?: string; versionId?: string }> };

// A status change reads, versions and writes a document that people may be editing this very
// moment: what is submitted must be exactly what the version holds, and the status must never be
// seen without the activity and version that go with it.
describe('a status change while people edit', () => {
  let server: TestServer;
  const clients: TestClient[] = [];
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    server = await startTestServer();
    tokens.alice = await server.tokenFor('alice', 'owner', '张三');
    tokens.bob = await server.tokenFor('bob', 'editor', '李四');
    tokens.dave = await server.tokenFor('dave', 'reviewer', '赵六');
  });
  afterEach(() => clients.splice(0).forEach((c) => c.destroy()));

  const call = (who: string, method: string, path: string, body?: unknown) => api(server, method, path, { token: tokens[who], ...(body === undefined ? {} : { body }) });
  const newDoc = async () => {
    const id = ((await call('alice', 'POST', '/api/docs', makeSmallBudgetText())).body as { id: string }).id;
    expect((await call('alice', 'PUT', `/api/docs/${id}/members/bob`, { role: 'editor', name: '李四' })).status).toBe(200);
    return id;
  };
  const values = (text: BudgetText) => text.projects.map((p) => p.indicators.map((r) => r.value));
  const submissions = async (id: string) => ((await call('alice', 'GET', `/api/docs/${id}/access`)).body as Access).activity.filter((a) => a.action === 'status' && a.to === 'submitted');

  it('submits exactly what the version holds while a colleague keeps typing, and the status comes with its version', async () => {
    allowConsole(/4409 status-changing/, false);
    const id = await newDoc();
    const bob = connectClient(server.wsUrl, id, tokens.bob as string);
    clients.push(bob);
    await bob.synced;
    // Bob types into a cell every 2 ms, before, during and after Alice submits.
    let typed = 0;
    let typing = true;
    const typist = (async () => {
      while (typing) {
        setIndicatorField(bob.doc, 'p-reception', 'r-qty', 'value', `≥${++typed}批次`);
        await new Promise((r) => setTimeout(r, 2));
      }
    })();
    await waitFor(() => typed > 20, 5_000, 'Bob typing');
    // Whoever reads the review state meanwhile never sees the status without its submission.
    const seen: Access[] = [];
    let reading = true;
    const reader = (async () => {
      while (reading) seen.push((await call('dave', 'GET', `/api/docs/${id}/access`)).body as Access);
    })();
    const before = typed;
    const submitted = await call('alice', 'POST', `/api/docs/${id}/status`, { status: 'submitted' });
    const during = typed - before;
    await new Promise((r) => setTimeout(r, 300));
    typing = false;
    reading = false;
    await Promise.all([typist, reader]);
    expect(submitted.status).toBe(200);
    expect(during).toBeGreaterThan(0);
    const { versionId } = submitted.body as { versionId: string };
    const version = (await call('alice', 'GET', `/api/docs/${id}/versions/${versionId}`)).body as BudgetText;
    const current = (await call('alice', 'GET', `/api/docs/${id}`)).body as BudgetText;
    // Bob's edits reached the server up to the submission (his cell moved) and none after it.
    expect(values(version)[0]?.[0]).toMatch(/^≥\d+批次$/);
    expect(values(current)).toEqual(values(version));
    const inBetween = seen.filter((a) => a.status === 'submitted' && !a.activity.some((x) => x.action === 'status' && x.to === 'submitted' && x.versionId === versionId));
    expect(seen.length).toBeGreaterThan(0);
    expect(inBetween).toEqual([]);
  });

  it('runs two status changes of one document one after the other: the second sees the first one’s status', async () => {
    const id = await newDoc();
    const answers = await Promise.all([call('alice', 'POST', `/api/docs/${id}/status`, { status: 'submitted' }), call('bob', 'POST', `/api/docs/${id}/status`, { status: 'submitted' })]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(await submissions(id)).toHaveLength(1);
    expect(((await call('dave', 'GET', `/api/docs/${id}/access`)).body as Access).status).toBe('submitted');
  });

  it('puts a suggestion accepted during a submission into the submitted version or refuses it, never after it', async () => {
    const id = await newDoc();
    const suggestion = ((await call('dave', 'POST', `/api/docs/${id}/suggestions`, { project: 'p-reception', indicator: 'r-qty', field: 'value', value: '≥48批次' })).body as { id: string }).id;
    const [accepted, submitted] = await Promise.all([
      call('bob', 'POST', `/api/docs/${id}/suggestions/${suggestion}/accept`),
      call('alice', 'POST', `/api/docs/${id}/status`, { status: 'submitted' }),
    ]);
    expect(submitted.status).toBe(200);
    // Accepted first (in the version), held (409) or locked by the new status (403).
    expect([200, 403, 409]).toContain(accepted.status);
    const version = (await call('alice', 'GET', `/api/docs/${id}/versions/${(submitted.body as { versionId: string }).versionId}`)).body as BudgetText;
    const current = (await call('alice', 'GET', `/api/docs/${id}`)).body as BudgetText;
    expect(values(current)).toEqual(values(version));
    expect(values(current)[0]?.[0] === '≥48批次').toBe(accepted.status === 200);
  });

  it('closes a socket that sends content while the document is held (4409, nothing stored) and takes the edit after, refuses an accept with 409', async () => {
    allowConsole(/4409 status-changing/);
    const id = await newDoc();
    const suggestion = ((await call('dave', 'POST', `/api/docs/${id}/suggestions`, { project: 'p-reception', indicator: 'r-qual', field: 'basis', value: '接待工作规范' })).body as { id: string }).id;
    const bob = connectClient(server.wsUrl, id, tokens.bob as string);
    clients.push(bob);
    await bob.synced;
    const closes: number[] = [];
    bob.provider.on('close', ({ event }: { event: { code: number } }) => closes.push(event.code));
    const release = server.writes.hold(id);
    try {
      setIndicatorField(bob.doc, 'p-reception', 'r-qty', 'value', '≥77批次');
      await waitFor(() => closes.includes(4409), 5_000, 'the socket closed with 4409');
      const accepted = await call('bob', 'POST', `/api/docs/${id}/suggestions/${suggestion}/accept`);
      expect(accepted.status).toBe(409);
      expect(accepted.body).toEqual({ error: expect.objectContaining({ code: 'CONFLICT', zh: expect.stringContaining('状态正在变更'), en: expect.stringContaining('status is changing') }) });
      const held = (await call('alice', 'GET', `/api/docs/${id}`)).body as BudgetText;
      expect(values(held)[0]?.[0]).not.toBe('≥77批次');
    } finally {
      release();
    }
    // Still a draft: the client reconnects and the edit arrives.
    await waitFor(async () => values((await call('alice', 'GET', `/api/docs/${id}`)).body as BudgetText)[0]?.[0] === '≥77批次', 10_000, 'the edit after the hold');
    expect((await call('bob', 'POST', `/api/docs/${id}/suggestions/${suggestion}/accept`)).status).toBe(200);
  });
});
