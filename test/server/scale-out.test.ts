import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE_CODES } from '../../shared/limits.ts';
import { readReview } from '../../shared/review/review-ydoc.ts';
import { editText, moveIndicator, setIndicatorField, toBudgetJson } from '../../shared/model/index.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { allowConsole } from '../helpers/fail-on-console.ts';
import { startPostgres, type PostgresService } from '../helpers/postgres-service.ts';
import { openRawSocket } from '../helpers/raw-socket.ts';
import { startRedis, type RedisService } from '../helpers/redis-service.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/test-client.ts';
import { api, startTestServer, type TestServer } from '../helpers/test-server.ts';

const SECRET = 'scale-out-test-secret-0123456789';

// Two instances in this process, sharing a real PostgreSQL and linked by a real Redis.
describe('two instances on PostgreSQL + Redis', () => {
  let postgres: PostgresService;
  let redis: RedisService;
  let a: TestServer;
  let b: TestServer;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    const databaseUrl = await postgres.createDatabase();
    a = await startTestServer({ databaseUrl, redisUrl: redis.url, jwtSecret: SECRET });
    b = await startTestServer({ databaseUrl, redisUrl: redis.url, jwtSecret: SECRET });
  }, 60_000);
  afterEach(() => clients.splice(0).forEach((c) => c.destroy()));
  afterAll(async () => {
    await a?.cleanup();
    await b?.cleanup();
    await redis?.stop();
    await postgres?.stop();
  });

  const newDoc = async () => {
    const created = await api(a, 'POST', '/api/docs', { token: await a.tokenFor('alice', 'owner', '张三'), body: makeSmallBudgetText() });
    return (created.body as { id: string }).id;
  };
  const join = async (server: TestServer, id: string, sub: string, name = sub, docName = id) => {
    const c = connectClient(server.wsUrl, docName, await server.tokenFor(sub, 'editor', name), { urlDocId: id });
    clients.push(c);
    await c.synced;
    return c;
  };

  it('converges two clients on each instance on text, cells and row moves', async () => {
    const id = await newDoc();
    const [a1, a2, b1, b2] = await Promise.all([join(a, id, 'alice'), join(a, id, 'bob'), join(b, id, 'carol'), join(b, id, 'dave')]);
    for (let i = 0; i < 20; i++) {
      editText(a1.doc, { section: 'overallGoal' }, 0, 0, '甲');
      editText(b1.doc, { section: 'overallGoal' }, 0, 0, '丙');
      setIndicatorField(a2.doc, 'p-reception', 'r-qty', 'value', `≥${i}批次`);
      setIndicatorField(b2.doc, 'p-vehicles', 'v-qty', 'value', `≥${i}辆`);
    }
    moveIndicator(a1.doc, 'p-reception', 'r-sat', 0);
    moveIndicator(b1.doc, 'p-reception', 'r-sat', 3);
    moveIndicator(b2.doc, 'p-vehicles', 'v-qty', 5);
    await Promise.all([a1, a2, b1, b2].map((c) => c.acknowledged()));
    const json = () => [a1, a2, b1, b2].map((c) => JSON.stringify(toBudgetJson(c.doc)));
    await waitFor(() => new Set(json()).size === 1, 10_000, 'four clients on two instances converging');
    const final = toBudgetJson(a1.doc);
    expect(final.overview.overallGoal.match(/[甲丙]/g)).toHaveLength(40);
    expect(final.projects[0]!.indicators.filter((r) => r.id === 'r-sat')).toHaveLength(1);
    expect(final.projects[1]!.indicators.at(-1)?.id).toBe('v-qty');
    expect(final.projects[1]!.indicators.find((r) => r.id === 'v-qty')?.value).toBe('≥19辆');
    // Both instances answer with it, and so does the database after every copy is compacted.
    expect((await api(b, 'GET', `/api/docs/${id}`, { token: await b.tokenFor('x') })).body).toEqual(final);
    await a.store.compact(id);
    await b.store.compact(id);
    expect(await a.store.hasLog(id)).toBe(false);
    expect((await api(a, 'GET', `/api/docs/${id}`, { token: await a.tokenFor('x') })).body).toEqual(final);
  });

  it('shows presence across instances, with the identity from the token', async () => {
    const id = await newDoc();
    // alice created the document, so she is its owner whatever her token says.
    const [a1, b1] = await Promise.all([join(a, id, 'alice', '张三'), join(b, id, 'bob', '李四')]);
    a1.provider.awareness!.setLocalStateField('cursor', { project: 'p-reception', indicator: 'r-qty', field: 'value' });
    const others = () => [...b1.provider.awareness!.getStates().entries()].filter(([cid]) => cid !== b1.doc.clientID).map(([, s]) => s);
    const seen = await waitFor(() => others().find((s) => s['cursor']), 10_000, 'alice on A seen by bob on B');
    expect(seen).toEqual({ user: { sub: 'alice', name: '张三', role: 'owner', color: expect.any(String) }, cursor: { project: 'p-reception', indicator: 'r-qty', field: 'value' } });
  });

  it('shows a comment made on A live on B, and history, versions and workflow on either instance', async () => {
    const id = await newDoc();
    const owner = await a.tokenFor('alice', 'owner', '张三');
    const onB = await join(b, id, 'bob', '李四', `${id}.review`);
    const editorOnB = await join(b, id, 'bob', '李四');
    const commented = await api(a, 'POST', `/api/docs/${id}/comments`, { token: owner, body: { anchor: { project: 'p-reception' }, text: '请补充依据' } });
    expect(commented.status).toBe(201);
    const thread = await waitFor(() => readReview(onB.doc).threads[0], 10_000, 'the comment made on A reaching a client of B');
    expect(thread.comments[0]).toMatchObject({ text: '请补充依据', author: { sub: 'alice' } });

    setIndicatorField(editorOnB.doc, 'p-vehicles', 'v-sat', 'value', '≥91%');
    await editorOnB.acknowledged();
    const history = async () => (await api(a, 'GET', `/api/docs/${id}/history?project=p-vehicles&indicator=v-sat&field=value`, { token: owner })).body as Array<{ user: { sub: string }; after: string }>;
    const entries = await waitFor(async () => ((await history()).length ? history() : null), 10_000, 'history of an edit on B, read on A');
    expect(entries.map((e) => [e.user.sub, e.after])).toEqual([['bob', '≥91%']]);

    const saved = await api(b, 'POST', `/api/docs/${id}/versions`, { token: owner, body: { label: '在B保存' } });
    expect(saved.status).toBe(201);
    const listed = (await api(a, 'GET', `/api/docs/${id}/versions`, { token: owner })).body as Array<{ label: string }>;
    expect(listed.map((v) => v.label)).toContain('在B保存');
    const version = (await api(a, 'GET', `/api/docs/${id}/versions/${(saved.body as { id: string }).id}`, { token: owner })).body as ReturnType<typeof toBudgetJson>;
    expect(version.projects[1]!.indicators.find((r) => r.id === 'v-sat')?.value).toBe('≥91%');

    // Submitting on A turns B's editor read-only at once.
    await api(a, 'PUT', `/api/docs/${id}/members/bob`, { token: owner, body: { role: 'editor', name: '李四' } });
    const access = new Promise<string>((resolve) => editorOnB.provider.on('stateless', ({ payload }: { payload: string }) => payload.includes('submitted') && resolve(payload)));
    expect((await api(a, 'POST', `/api/docs/${id}/status`, { token: owner, body: { status: 'submitted' } })).status).toBe(200);
    expect(JSON.parse(await access)).toMatchObject({ readOnly: true, status: 'submitted' });
    expect(((await api(b, 'GET', `/api/docs/${id}/access`, { token: owner })).body as { status: string }).status).toBe('submitted');
  });

  it('binds a grant set through A on the next update through B, and tells B’s client at once', async () => {
    allowConsole(/outside-grant/);
    const id = await newDoc();
    const owner = await a.tokenFor('alice', 'owner', '张三');
    const bob = await join(b, id, 'bob', '李四');
    // As the browser does: the review document on the same instance (it carries the change across).
    await join(b, id, 'bob', '李四', `${id}.review`);
    const access = new Promise<string>((resolve) => bob.provider.on('stateless', ({ payload }: { payload: string }) => payload.includes('"access"') && resolve(payload)));
    expect((await api(a, 'PUT', `/api/docs/${id}/grants/bob`, { token: owner, body: { projects: ['p-reception'], money: false, sections: [] } })).status).toBe(200);
    expect(JSON.parse(await access)).toMatchObject({ type: 'access', grant: { projects: ['p-reception'] } });
    // A raw update from a copy of B's state, outside the grant, sent to B: refused there, stored nowhere.
    const raw = await openRawSocket(b.wsUrl, id, await b.tokenFor('bob', 'editor', '李四'));
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(bob.doc));
    const sv = Y.encodeStateVector(copy);
    setIndicatorField(copy, 'p-vehicles', 'v-qty', 'value', '≥999辆');
    raw.sendUpdate(Y.encodeStateAsUpdate(copy, sv));
    expect(await raw.closed).toBe(CLOSE_CODES.OUTSIDE_GRANT.code);
    const stored = (await api(a, 'GET', `/api/docs/${id}`, { token: owner })).body as ReturnType<typeof toBudgetJson>;
    expect(stored.projects[1]!.indicators.find((r) => r.id === 'v-qty')?.value).not.toBe('≥999辆');
  });

  it('takes one of two submissions made at once through A and B, the other answered 409', async () => {
    const id = await newDoc();
    const owner = await a.tokenFor('alice', 'owner', '张三');
    const submit = (server: TestServer) => api(server, 'POST', `/api/docs/${id}/status`, { token: owner, body: { status: 'submitted' } });
    const answers = await Promise.all([submit(a), submit(b)]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const access = (await api(b, 'GET', `/api/docs/${id}/access`, { token: owner })).body as { status: string; activity: Array<{ action: string; to?: string }> };
    expect(access.status).toBe('submitted');
    expect(access.activity.filter((x) => x.action === 'status' && x.to === 'submitted')).toHaveLength(1);
  });
});
