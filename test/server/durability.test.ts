import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { signToken } from '../../server/auth/tokens.ts';
import { addIndicator, setIndicatorField, toBudgetJson, editText } from '../../shared/model/index.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { spawnServer, type ServerProcess } from '../helpers/server-process.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/test-client.ts';
import { api } from '../helpers/test-server.ts';
import type { HistoryEntry } from '../../server/storage/history-store.ts';

const SECRET = 'durability-test-secret-0123456789';
const key = { secret: new TextEncoder().encode(SECRET), source: 'env' as const };

describe('durability of acknowledged edits', () => {
  let dataDir = '';
  const procs: ServerProcess[] = [];
  const clients: TestClient[] = [];
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.destroy());
    for (const p of procs.splice(0)) {
      p.child.kill('SIGKILL');
      await p.exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  it('loses nothing acknowledged when the server is killed with SIGKILL, twice', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'jixiao-kill-'));
    const token = await signToken(key, { sub: 'alice', name: '张三', role: 'owner' });
    let server = await spawnServer(dataDir, SECRET);
    procs.push(server);
    const { body } = await api(server, 'POST', '/api/docs', { token, body: makeSmallBudgetText() });
    const id = (body as { id: string }).id;

    const a = connectClient(server.wsUrl, id, token);
    const b = connectClient(server.wsUrl, id, await signToken(key, { sub: 'bob', name: '李四', role: 'editor' }));
    clients.push(a, b);
    await Promise.all([a.synced, b.synced]);
    for (let i = 0; i < 200; i++) {
      setIndicatorField(a.doc, 'p-reception', 'r-qty', 'description', `第${i}次修改`);
      if (i % 10 === 0) addIndicator(b.doc, 'p-vehicles', { name: `新增指标${i}`, value: `≥${i}个` });
      editText(b.doc, { section: 'safeguards' }, 0, 0, '乙');
    }
    await Promise.all([a.acknowledged(), b.acknowledged()]);
    // Everything either was acknowledged; `a` may still be receiving `b`'s last broadcast.
    await waitFor(() => JSON.stringify(toBudgetJson(a.doc)) === JSON.stringify(toBudgetJson(b.doc)), 10_000, 'both clients to converge');
    const expected = toBudgetJson(a.doc);
    server.child.kill('SIGKILL');
    expect(await server.exited).toBe('SIGKILL');
    a.destroy();
    b.destroy();
    clients.splice(0);

    server = await spawnServer(dataDir, SECRET);
    procs.push(server);
    const after = await api(server, 'GET', `/api/docs/${id}`, { token });
    expect(after.body).toEqual(expected);
    expect((after.body as typeof expected).projects[1]!.indicators).toHaveLength(26);

    // Second round: edits after the log was compacted survive a kill too. A clean stop (SIGTERM)
    // compacts every changed document, so the edit after it lands on a compacted log.
    const c = connectClient(server.wsUrl, id, token);
    clients.push(c);
    await c.synced;
    setIndicatorField(c.doc, 'p-vehicles', 'v-sat', 'value', '≥92%');
    await c.acknowledged();
    c.destroy();
    clients.splice(0);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    server = await spawnServer(dataDir, SECRET);
    procs.push(server);
    const d = connectClient(server.wsUrl, id, token);
    clients.push(d);
    await d.synced;
    expect(toBudgetJson(d.doc).projects[1]!.indicators.find((r) => r.id === 'v-sat')?.value).toBe('≥92%');
    setIndicatorField(d.doc, 'p-vehicles', 'v-sat', 'value', '≥93%');
    await d.acknowledged();
    const expected2 = toBudgetJson(d.doc);
    server.child.kill('SIGKILL');
    await server.exited;
    server = await spawnServer(dataDir, SECRET);
    procs.push(server);
    expect((await api(server, 'GET', `/api/docs/${id}`, { token })).body).toEqual(expected2);
  });

  it('keeps the history of edits acknowledged just before a SIGKILL: each once, credited to its author and dated', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'jixiao-kill-history-'));
    const token = await signToken(key, { sub: 'alice', name: '张三', role: 'owner' });
    let server = await spawnServer(dataDir, SECRET);
    procs.push(server);
    const id = ((await api(server, 'POST', '/api/docs', { token, body: makeSmallBudgetText() })).body as { id: string }).id;
    const history = async (query: string) => (await api(server, 'GET', `/api/docs/${id}/history?${query}`, { token })).body as HistoryEntry[];
    const cell = 'project=p-reception&indicator=r-qty&field=value';
    const a = connectClient(server.wsUrl, id, token);
    const b = connectClient(server.wsUrl, id, await signToken(key, { sub: 'bob', name: '李四', role: 'editor' }));
    clients.push(a, b);
    await Promise.all([a.synced, b.synced]);
    setIndicatorField(a.doc, 'p-reception', 'r-qty', 'value', '≥50批次');
    await a.acknowledged();
    // Reading history waits for its batch: this one is written before the kill.
    expect(await history(cell)).toHaveLength(1);

    // Acknowledged, then the server is killed before the history batch of these edits is due.
    const t0 = Date.now();
    setIndicatorField(a.doc, 'p-reception', 'r-qty', 'value', '≥55批次');
    await a.acknowledged();
    await waitFor(() => toBudgetJson(b.doc).projects[0]!.indicators[0]!.value === '≥55批次', 5_000, 'bob to see the value');
    setIndicatorField(b.doc, 'p-reception', 'r-qty', 'value', '≥60批次');
    for (const ch of '再补充') editText(b.doc, { section: 'safeguards' }, b.doc.getText('safeguards').length, 0, ch);
    await b.acknowledged();
    const t1 = Date.now();
    server.child.kill('SIGKILL');
    await server.exited;
    clients.splice(0).forEach((c) => c.destroy());

    // The document is closed: its history is recovered from the log before it is read.
    server = await spawnServer(dataDir, SECRET);
    procs.push(server);
    const entries = await history(cell);
    expect(entries.map((e) => [e.user.sub, e.user.name, e.before, e.after])).toEqual([
      ['alice', '张三', '≥45批次', '≥50批次'],
      ['alice', '张三', '≥50批次', '≥55批次'],
      ['bob', '李四', '≥55批次', '≥60批次'],
    ]);
    for (const e of entries.slice(1)) expect(Date.parse(e.at)).toSatisfy((at: number) => at >= t0 && at <= t1);
    expect((await history('section=safeguards')).map((e) => [e.user.sub, e.after])).toEqual([['bob', '加强预算管理，严格执行财务制度。再补充']]);
    expect(server.output()).toContain('recorded the history of 5 logged update(s)');

    // Opened, edited and killed again: the load recovers the new edit, and nothing twice.
    const c = connectClient(server.wsUrl, id, token);
    clients.push(c);
    await c.synced;
    setIndicatorField(c.doc, 'p-reception', 'r-qty', 'value', '≥65批次');
    await c.acknowledged();
    server.child.kill('SIGKILL');
    await server.exited;
    clients.splice(0).forEach((x) => x.destroy());
    server = await spawnServer(dataDir, SECRET);
    procs.push(server);
    const d = connectClient(server.wsUrl, id, token);
    clients.push(d);
    await d.synced;
    expect((await history(cell)).map((e) => e.after)).toEqual(['≥50批次', '≥55批次', '≥60批次', '≥65批次']);
    expect((await history('section=safeguards'))).toHaveLength(1);
  });

  it('keeps versions and comments across a SIGKILL right after they were answered', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'jixiao-kill-versions-'));
    const token = await signToken(key, { sub: 'alice', name: '张三', role: 'owner' });
    let server = await spawnServer(dataDir, SECRET);
    procs.push(server);
    const id = ((await api(server, 'POST', '/api/docs', { token, body: makeSmallBudgetText() })).body as { id: string }).id;
    const a = connectClient(server.wsUrl, id, token);
    clients.push(a);
    await a.synced;
    setIndicatorField(a.doc, 'p-reception', 'r-qty', 'value', '≥52批次');
    await a.acknowledged();
    const v = ((await api(server, 'POST', `/api/docs/${id}/versions`, { token, body: { label: '送审稿 第1版' } })).body as { id: string }).id;
    const t = ((await api(server, 'POST', `/api/docs/${id}/comments`, { token, body: { anchor: { project: 'p-reception' }, text: '请复核' } })).body as { id: string }).id;
    const versions = (await api(server, 'GET', `/api/docs/${id}/versions`, { token })).body;
    server.child.kill('SIGKILL');
    await server.exited;
    server = await spawnServer(dataDir, SECRET);
    procs.push(server);
    expect((await api(server, 'GET', `/api/docs/${id}/versions`, { token })).body).toEqual(versions);
    expect(((await api(server, 'GET', `/api/docs/${id}/versions/${v}`, { token })).body as ReturnType<typeof makeSmallBudgetText>).projects[0]!.indicators[0]!.value).toBe('≥52批次');
    expect(((await api(server, 'GET', `/api/docs/${id}/comments`, { token })).body as Array<{ id: string }>).map((x) => x.id)).toEqual([t]);
  });

  it('shuts down cleanly on SIGTERM within seconds, telling clients to reconnect', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'jixiao-term-'));
    const token = await signToken(key, { sub: 'alice', name: '张三', role: 'owner' });
    const server = await spawnServer(dataDir, SECRET);
    procs.push(server);
    const { body } = await api(server, 'POST', '/api/docs', { token, body: makeSmallBudgetText() });
    const id = (body as { id: string }).id;
    const a = connectClient(server.wsUrl, id, token);
    clients.push(a);
    await a.synced;
    setIndicatorField(a.doc, 'p-reception', 'r-qty', 'value', '≥60批次');
    await a.acknowledged();
    const closed = new Promise<{ code: number; reason: string }>((resolve) => a.provider.on('close', ({ event }: { event: { code: number; reason: string } }) => resolve(event)));
    server.child.kill('SIGTERM');
    // Exit code 0: the shutdown finished before main.ts's 10 s watchdog (which exits with 1).
    expect(await server.exited).toBe(0);
    // Hocuspocus closes each document with ResetConnection, which its provider reports as a normal
    // close (1000) carrying the reason; the provider then reconnects and resends what it holds.
    expect(await closed).toEqual({ code: 1000, reason: 'Reset Connection' });
    const again = await spawnServer(dataDir, SECRET);
    procs.push(again);
    const json = (await api(again, 'GET', `/api/docs/${id}`, { token })).body as ReturnType<typeof makeSmallBudgetText>;
    expect(json.projects[0]!.indicators[0]!.value).toBe('≥60批次');
  });
});

