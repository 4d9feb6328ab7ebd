import { allowConsole } from '../helpers/fail-on-console.ts';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { setIndicatorField, toBudgetJson, replaceText, moveIndicator } from '../../shared/model/index.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/test-client.ts';
import { api, startTestServer } from '../helpers/test-server.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';

describe('live collaboration over /collab/<id>', () => {
  const clients: TestClient[] = [];
  afterEach(() => clients.splice(0).forEach((c) => c.destroy()));

  async function setup() {
    const server = await startTestServer();
    const token = await server.tokenFor('alice', 'owner');
    const { body } = await api(server, 'POST', '/api/docs', { token, body: makeSmallBudgetText() });
    return { server, token, id: (body as { id: string }).id };
  }

  it("sends a colleague one person's burst of edits in merged messages, and a lone edit by itself", async () => {
    const { server, id } = await setup();
    const a = connectClient(server.wsUrl, id, await server.tokenFor('alice', 'owner'));
    const b = connectClient(server.wsUrl, id, await server.tokenFor('bob', 'editor'));
    clients.push(a, b);
    await Promise.all([a.synced, b.synced]);
    // Bob edits nothing: every update of his document is a message from the server.
    let messages = 0;
    b.doc.on('update', () => messages++);
    const value = () => toBudgetJson(b.doc).projects[0]!.indicators.find((r) => r.id === 'r-qty')!.value;
    setIndicatorField(a.doc, 'p-reception', 'r-qty', 'value', '≥46批次');
    await waitFor(() => value() === '≥46批次', 5_000, 'the lone edit');
    expect(messages).toBe(1);
    // 200 edits sent back to back: each waits for its own fsync, the broadcasts gather meanwhile.
    for (let i = 0; i < 200; i++) setIndicatorField(a.doc, 'p-reception', 'r-qty', 'value', `≥${i}批次`);
    await waitFor(() => value() === '≥199批次', 10_000, 'the whole burst');
    expect(messages - 1).toBeLessThan(100);
    await a.acknowledged();
    expect(toBudgetJson(b.doc)).toEqual(toBudgetJson(a.doc));
    // Alone again: in a message of its own.
    const afterBurst = messages;
    setIndicatorField(a.doc, 'p-reception', 'r-qty', 'value', '≥47批次');
    await waitFor(() => value() === '≥47批次', 5_000, 'the next lone edit');
    expect(messages).toBe(afterBurst + 1);
  });

  it('two clients converge on concurrent edits of the same document', async () => {
    const { server, id } = await setup();
    const a = connectClient(server.wsUrl, id, await server.tokenFor('alice', 'owner'));
    const b = connectClient(server.wsUrl, id, await server.tokenFor('bob', 'editor'));
    clients.push(a, b);
    await Promise.all([a.synced, b.synced]);
    expect(toBudgetJson(b.doc)).toEqual(makeSmallBudgetText());

    setIndicatorField(a.doc, 'p-reception', 'r-qty', 'value', '≥50批次');
    setIndicatorField(b.doc, 'p-reception', 'r-qual', 'basis', '接待管理办法');
    replaceText(a.doc, { section: 'overallGoal' }, '甲' + toBudgetJson(a.doc).overview.overallGoal);
    moveIndicator(b.doc, 'p-reception', 'r-sat', 0);
    await waitFor(() => JSON.stringify(toBudgetJson(a.doc)) === JSON.stringify(toBudgetJson(b.doc)), 5_000, 'convergence');
    const p = toBudgetJson(a.doc).projects[0]!;
    expect(p.indicators[0]!.id).toBe('r-sat');
    expect(p.indicators.find((r) => r.id === 'r-qty')!.value).toBe('≥50批次');
    expect(p.indicators.find((r) => r.id === 'r-qual')!.basis).toBe('接待管理办法');
    // The API reads the live document, so it never lags the editors.
    await a.acknowledged();
    await b.acknowledged();
    const viaApi = await api(server, 'GET', `/api/docs/${id}`, { token: await server.tokenFor('x') });
    expect(viaApi.body).toEqual(toBudgetJson(a.doc));
  });

  it('shows presence with the identity from the token, whatever a client claims, and no phantom users', async () => {
    const { server, id } = await setup();
    const a = connectClient(server.wsUrl, id, await server.tokenFor('alice', 'owner', '张三'));
    const b = connectClient(server.wsUrl, id, await server.tokenFor('bob', 'editor', '李四'));
    clients.push(a, b);
    await Promise.all([a.synced, b.synced]);
    a.provider.awareness!.setLocalStateField('user', { sub: 'minister', name: '部长', role: 'owner' });
    a.provider.awareness!.setLocalStateField('cursor', { project: 'p-reception', indicator: 'r-qty', field: 'value' });
    const others = () => [...b.provider.awareness!.getStates().entries()].filter(([cid]) => cid !== b.doc.clientID).map(([, s]) => s);
    await waitFor(() => others().some((s) => s['cursor']), 5_000, 'presence of alice at bob');
    // Everything alice sent has reached the server, and everything it relayed has reached bob.
    await a.roundTrip();
    await b.roundTrip();
    expect(others()).toEqual([
      { user: { sub: 'alice', name: '张三', role: 'owner', color: expect.any(String) }, cursor: { project: 'p-reception', indicator: 'r-qty', field: 'value' } },
    ]);
  });

  it('keeps everything after a clean restart from the same data folder', async () => {
    const { server, id } = await setup();
    const a = connectClient(server.wsUrl, id, await server.tokenFor('alice', 'owner'));
    clients.push(a);
    await a.synced;
    for (let i = 0; i < 30; i++) setIndicatorField(a.doc, 'p-vehicles', 'v-qty', 'value', `≥${100 + i}辆`);
    await a.acknowledged();
    const expected = toBudgetJson(a.doc);
    a.destroy();
    clients.pop();
    const again = await server.restart();
    const token = await again.tokenFor('alice', 'owner');
    expect((await api(again, 'GET', `/api/docs/${id}`, { token })).body).toEqual(expected);
    const b = connectClient(again.wsUrl, id, token);
    clients.push(b);
    await b.synced;
    expect(toBudgetJson(b.doc)).toEqual(expected);
  });

  it('refuses a bad token, an unknown document and a socket URL naming another document', async () => {
    const { server, id } = await setup();
    const bad = connectClient(server.wsUrl, id, 'not-a-token');
    clients.push(bad);
    await expect(bad.synced).rejects.toThrow(/authentication failed/);
    const unknown = connectClient(server.wsUrl, 'doesnotexist', await server.tokenFor('alice'));
    clients.push(unknown);
    await expect(unknown.synced).rejects.toThrow(/authentication failed/);
    const other = (await api(server, 'POST', '/api/docs', { token: await server.tokenFor('alice', 'owner'), body: makeSmallBudgetText() })).body as { id: string };
    const mismatched = connectClient(server.wsUrl, id, await server.tokenFor('alice'), { urlDocId: other.id });
    clients.push(mismatched);
    await expect(mismatched.synced).rejects.toThrow(/authentication failed/);
    expect(server.hocuspocus.getDocumentsCount()).toBe(0);
  });

  it('refuses WebSocket upgrades outside /collab and from foreign origins', async () => {
    const { server } = await setup();
    allowConsole(/refused upgrade/);
    const status = (path: string, headers: Record<string, string> = {}) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(server.wsUrl + path, { headers });
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('open', () => {
          ws.close();
          resolve(101);
        });
        ws.on('error', () => resolve(-1));
      });
    expect(await status('/elsewhere')).toBe(404);
    expect(await status('/collab/abc', { origin: 'http://evil.example' })).toBe(403);
    expect(await status('/collab/abc')).toBe(101);
  });
});
