import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { editText, moveIndicator, removeIndicator, setBudget, setIndicatorField, toBudgetJson, type BudgetText } from '../../shared/model/index.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/test-client.ts';
import { api, startTestServer, type TestServer } from '../helpers/test-server.ts';
import { allowConsole } from '../helpers/fail-on-console.ts';

type ThreadView = { id: string; status: string; anchor: { kind: string }; anchorState: { detached: boolean; from?: number; to?: number; text?: string }; comments: Array<{ id: string; text: string; author: { sub: string }; mentions: string[]; deleted?: boolean }> };
type SuggestionView = { id: string; status: string; stale: boolean; author: { sub: string } };

describe('review: roles, comments, suggestions, workflow', () => {
  let server: TestServer;
  const clients: TestClient[] = [];
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    server = await startTestServer();
    tokens.owner = await server.tokenFor('alice', 'owner', '张三');
    tokens.editor = await server.tokenFor('bob', 'editor', '李四');
    tokens.reviewer = await server.tokenFor('dave', 'reviewer', '赵六');
    tokens.viewer = await server.tokenFor('erin', 'viewer', '钱七');
  });
  afterEach(() => clients.splice(0).forEach((c) => c.destroy()));

  const newDoc = async (text: BudgetText = makeSmallBudgetText()) => ((await api(server, 'POST', '/api/docs', { token: tokens.owner, body: text })).body as { id: string }).id;
  const call = (who: string, method: string, path: string, body?: unknown) => api(server, method, path, { token: tokens[who], ...(body === undefined ? {} : { body }) });
  const connect = async (who: string, id: string) => {
    const c = connectClient(server.wsUrl, id, tokens[who] as string);
    clients.push(c);
    await c.synced;
    return c;
  };

  it('checks every API route against the role on this document', async () => {
    const id = await newDoc();
    expect((await call('reviewer', 'POST', '/api/docs', makeSmallBudgetText())).status).toBe(403);
    expect((await call('viewer', 'POST', `/api/docs/${id}/comments`, { anchor: {}, text: '看看' })).status).toBe(403);
    expect((await call('reviewer', 'POST', `/api/docs/${id}/comments`, { anchor: {}, text: '看看' })).status).toBe(201);
    expect((await call('editor', 'PUT', `/api/docs/${id}/members/erin`, { role: 'editor', name: '钱七' })).status).toBe(403);
    expect((await call('reviewer', 'POST', `/api/docs/${id}/versions`, { label: 'x' })).status).toBe(403);
    expect((await call('owner', 'GET', `/api/docs/${id}/members`)).body).toEqual([{ sub: 'alice', role: 'owner', name: '张三' }]);
    expect((await call('owner', 'POST', `/api/docs/${id}/comments`, { anchor: { project: 'nope', indicator: 'x', field: 'value' }, text: 'x' })).status).toBe(404);
    expect((await call('owner', 'POST', `/api/docs/${id}/comments`, { anchor: { project: 'p-reception' }, text: '' })).status).toBe(400);
  });

  it('keeps a hostile reviewer from changing anything with raw Yjs updates', async () => {
    allowConsole(/read-only connection sent an update/);
    const id = await newDoc();
    const editor = await connect('editor', id);
    const hostile = await connect('reviewer', id);
    expect(hostile.provider.authorizedScope).toBe('readonly');
    const before = toBudgetJson(editor.doc);
    let closed = false;
    hostile.provider.on('close', () => (closed = true));
    setIndicatorField(hostile.doc, 'p-reception', 'r-qty', 'value', '≥9999批次');
    editText(hostile.doc, { section: 'overallGoal' }, 0, 5, '篡改');
    await waitFor(() => closed, 5_000, 'server closing the hostile connection');
    // Anything the server relayed to the editor before that has arrived by now.
    await editor.roundTrip();
    expect(toBudgetJson(editor.doc)).toEqual(before);
    expect((await call('owner', 'GET', `/api/docs/${id}`)).body).toEqual(before);
    // Storage too: the document rebuilt from disk after a restart is unchanged.
    server = await server.restart();
    expect((await api(server, 'GET', `/api/docs/${id}`, { token: tokens.owner })).body).toEqual(before);
  });

  it('applies a per-document role at once to open connections, and it takes precedence over the token', async () => {
    const id = await newDoc();
    const bob = await connect('editor', id);
    expect(bob.provider.authorizedScope).toBe('read-write');
    const access = new Promise<string>((resolve) => bob.provider.on('stateless', ({ payload }: { payload: string }) => resolve(payload)));
    expect((await call('owner', 'PUT', `/api/docs/${id}/members/bob`, { role: 'reviewer', name: '李四' })).status).toBe(200);
    expect(JSON.parse(await access)).toEqual({ type: 'access', role: 'reviewer', readOnly: true, status: 'draft', grant: null, moneyReserved: false });
    expect((await call('editor', 'POST', `/api/docs/${id}/versions`, { label: 'x' })).status).toBe(403);
    expect((await call('editor', 'POST', `/api/docs/${id}/comments`, { anchor: {}, text: '我现在是审核人' })).status).toBe(201);
    expect((await call('owner', 'DELETE', `/api/docs/${id}/members/alice`)).status).toBe(409);
  });

  it('keeps cell threads on their row through a concurrent move and text threads on their words through typing', async () => {
    const id = await newDoc();
    const a = await connect('owner', id);
    const cell = (await call('reviewer', 'POST', `/api/docs/${id}/comments`, { anchor: { project: 'p-reception', indicator: 'r-qty', field: 'value' }, text: '批次偏少' })).body as { id: string };
    const text = (await call('reviewer', 'POST', `/api/docs/${id}/comments`, { anchor: { section: 'overallGoal', from: 2, to: 6 }, text: '表述不清' })).body as { id: string };
    const quoted = toBudgetJson(a.doc).overview.overallGoal.slice(2, 6);
    moveIndicator(a.doc, 'p-reception', 'r-qty', 4);
    editText(a.doc, { section: 'overallGoal' }, 0, 0, '前面插入');
    editText(a.doc, { section: 'overallGoal' }, 4 + 3, 0, '中');
    await a.acknowledged();
    const threads = (await call('editor', 'GET', `/api/docs/${id}/comments`)).body as ThreadView[];
    const c = threads.find((t) => t.id === cell.id)!;
    const t = threads.find((x) => x.id === text.id)!;
    expect(c.anchor).toMatchObject({ kind: 'cell', indicator: 'r-qty' });
    expect(c.anchorState.detached).toBe(false);
    expect(t.anchorState).toEqual({ detached: false, from: 6, to: 11, text: quoted.slice(0, 1) + '中' + quoted.slice(1) });
    removeIndicator(a.doc, 'p-reception', 'r-qty');
    editText(a.doc, { section: 'overallGoal' }, 6, 5, '');
    await a.acknowledged();
    const after = (await call('editor', 'GET', `/api/docs/${id}/comments`)).body as ThreadView[];
    expect(after.map((x) => [x.id, x.anchorState.detached, x.comments[0]!.text])).toEqual([
      [cell.id, true, '批次偏少'],
      [text.id, true, '表述不清'],
    ]);
  });

  it('replies, mentions, edits and deletes only one’s own comments, resolves and reopens', async () => {
    const id = await newDoc();
    await call('owner', 'PUT', `/api/docs/${id}/members/bob`, { role: 'editor', name: '李四' });
    const t = ((await call('reviewer', 'POST', `/api/docs/${id}/comments`, { anchor: { project: 'p-vehicles', field: 'budget.total' }, text: '@李四 请核对预算数' })).body as { id: string }).id;
    const reply = ((await call('editor', 'POST', `/api/docs/${id}/comments/${t}/replies`, { text: '已核对' })).body as { id: string }).id;
    expect((await call('reviewer', 'PATCH', `/api/docs/${id}/comments/${t}/comments/${reply}`, { text: '改你的' })).status).toBe(403);
    expect((await call('editor', 'PATCH', `/api/docs/${id}/comments/${t}/comments/${reply}`, { text: '已核对，无误' })).status).toBe(200);
    expect((await call('editor', 'PATCH', `/api/docs/${id}/comments/${t}`, { resolved: true })).status).toBe(200);
    let [thread] = (await call('viewer', 'GET', `/api/docs/${id}/comments`)).body as ThreadView[];
    expect(thread!.status).toBe('resolved');
    expect(thread!.comments.map((c) => [c.author.sub, c.text, c.mentions])).toEqual([
      ['dave', '@李四 请核对预算数', ['bob']],
      ['bob', '已核对，无误', []],
    ]);
    await call('reviewer', 'PATCH', `/api/docs/${id}/comments/${t}`, { resolved: false });
    await call('editor', 'DELETE', `/api/docs/${id}/comments/${t}/comments/${reply}`);
    [thread] = (await call('viewer', 'GET', `/api/docs/${id}/comments`)).body as ThreadView[];
    expect(thread!.status).toBe('open');
    expect(thread!.comments[1]).toMatchObject({ deleted: true, text: '' });
  });

  it('accepts, rejects and refuses stale suggestions; accepted ones enter the cell history with both names', async () => {
    const id = await newDoc();
    const suggest = async (body: unknown) => ((await call('reviewer', 'POST', `/api/docs/${id}/suggestions`, body)).body as { id: string }).id;
    const s1 = await suggest({ project: 'p-reception', indicator: 'r-qty', field: 'value', value: '≥48批次' });
    const s2 = await suggest({ project: 'p-reception', indicator: 'r-qual', field: 'basis', value: '接待工作规范' });
    const s3 = await suggest({ project: 'p-vehicles', field: 'budget.total', value: 9 });
    const s4 = await suggest({ project: 'p-vehicles', insertAfter: 'v-qty', indicator: { level1: '产出指标', level2: '数量指标', name: '巡检次数', value: '≥12次' } });
    const s5 = await suggest({ project: 'p-reception', indicator: 'r-soc', delete: true });
    expect((await call('reviewer', 'POST', `/api/docs/${id}/suggestions/${s1}/accept`)).status).toBe(403);
    expect((await call('editor', 'POST', `/api/docs/${id}/suggestions/${s1}/accept`)).status).toBe(200);
    expect((await call('editor', 'POST', `/api/docs/${id}/suggestions/${s2}/reject`)).status).toBe(200);
    const a = await connect('editor', id);
    setIndicatorField(a.doc, 'p-vehicles', 'v-qty', 'value', 'x');
    await a.acknowledged();
    await api(server, 'POST', `/api/docs/${id}/suggestions/${s3}/accept`, { token: tokens.editor });
    // s4 inserts after v-qty, s5 deletes r-soc: still fine. Make s3 stale first by editing its cell.
    const list = (await call('editor', 'GET', `/api/docs/${id}/suggestions`)).body as SuggestionView[];
    expect(list.map((s) => [s.id, s.status])).toEqual([
      [s1, 'accepted'],
      [s2, 'rejected'],
      [s3, 'accepted'],
      [s4, 'open'],
      [s5, 'open'],
    ]);
    const stale = await suggest({ project: 'p-vehicles', indicator: 'v-qty', field: 'value', value: '≥130辆' });
    setIndicatorField(a.doc, 'p-vehicles', 'v-qty', 'value', '≥125辆');
    await a.acknowledged();
    expect(((await call('editor', 'GET', `/api/docs/${id}/suggestions`)).body as SuggestionView[]).find((s) => s.id === stale)!.stale).toBe(true);
    const refused = await call('editor', 'POST', `/api/docs/${id}/suggestions/${stale}/accept`);
    expect(refused.status).toBe(409);
    expect(toBudgetJson(a.doc).projects[1]!.indicators[0]!.value).toBe('≥125辆');
    const all = (await call('owner', 'POST', `/api/docs/${id}/suggestions/accept-all`, { author: 'dave' })).body as { accepted: string[]; stale: string[] };
    expect(all).toEqual({ accepted: [s4, s5], stale: [stale] });
    await waitFor(() => toBudgetJson(a.doc).projects[0]!.indicators.every((r) => r.id !== 'r-soc'), 5_000);
    const json = toBudgetJson(a.doc);
    expect(json.projects[0]!.indicators[0]!.value).toBe('≥48批次');
    expect(json.projects[1]!.budget.total).toBe(9);
    expect(json.projects[1]!.indicators[1]).toMatchObject({ level2: '数量指标', name: '巡检次数', value: '≥12次' });
    const history = (await call('viewer', 'GET', `/api/docs/${id}/history?project=p-reception&indicator=r-qty&field=value`)).body as Array<{ user: { sub: string }; suggestedBy?: { sub: string }; after: string }>;
    expect(history.at(-1)).toMatchObject({ user: { sub: 'bob' }, suggestedBy: { sub: 'dave' }, after: '≥48批次' });
  });

  it('runs the workflow: submit gated by validation, read-only while submitted, return with a comment, approve and lock', async () => {
    const broken = makeSmallBudgetText();
    broken.projects[0]!.budget.fiscal = 15;
    const id = await newDoc(broken);
    await call('owner', 'PUT', `/api/docs/${id}/members/bob`, { role: 'editor', name: '李四' });
    const blocked = await call('editor', 'POST', `/api/docs/${id}/status`, { status: 'submitted' });
    expect(blocked.status).toBe(409);
    expect((blocked.body as { error: { details: { findings: Array<{ ruleId: string }> } } }).error.details.findings.map((f) => f.ruleId)).toEqual(['R-FUND-SUM']);
    const bob = await connect('editor', id);
    setBudget(bob.doc, 'p-reception', 'fiscal', 20);
    await bob.acknowledged();
    const status = new Promise<string>((resolve) => bob.provider.on('stateless', ({ payload }: { payload: string }) => resolve(payload)));
    expect((await call('editor', 'POST', `/api/docs/${id}/status`, { status: 'submitted' })).status).toBe(200);
    expect(JSON.parse(await status)).toMatchObject({ readOnly: true, status: 'submitted' });
    expect((await call('editor', 'POST', `/api/docs/${id}/status`, { status: 'approved' })).status).toBe(403);
    expect((await call('reviewer', 'POST', `/api/docs/${id}/status`, { status: 'returned' })).status).toBe(400);
    expect((await call('reviewer', 'POST', `/api/docs/${id}/status`, { status: 'returned', comment: '成本指标请细化' })).status).toBe(200);
    const late = await connect('editor', id);
    expect(late.provider.authorizedScope).toBe('read-write');
    expect((await call('editor', 'POST', `/api/docs/${id}/status`, { status: 'submitted' })).status).toBe(200);
    // Separation of duties: owners no longer approve; only the reviewing side does.
    expect((await call('owner', 'POST', `/api/docs/${id}/status`, { status: 'approved' })).status).toBe(403);
    expect((await call('reviewer', 'POST', `/api/docs/${id}/status`, { status: 'approved' })).status).toBe(200);
    expect((await call('owner', 'POST', `/api/docs/${id}/status`, { status: 'draft' })).status).toBe(409);
    const locked = await connect('owner', id);
    expect(locked.provider.authorizedScope).toBe('readonly');
    const access = (await call('viewer', 'GET', `/api/docs/${id}/access`)).body as { status: string; activity: Array<{ action: string; to?: string; user: { sub: string }; comment?: string }> };
    expect(access.status).toBe('approved');
    expect(access.activity.filter((a) => a.action === 'status').map((a) => [a.to, a.user.sub, a.comment ?? null])).toEqual([
      ['submitted', 'bob', null],
      ['returned', 'dave', '成本指标请细化'],
      ['submitted', 'bob', null],
      ['approved', 'dave', null],
    ]);
    const versions = (await call('viewer', 'GET', `/api/docs/${id}/versions`)).body as Array<{ kind: string; label: string }>;
    expect(versions.filter((v) => v.kind === 'status').map((v) => v.label)).toEqual(['已审定（赵六）', '已提交（李四）', '退回修改（赵六）', '已提交（李四）']);
  });
});
