import * as decoding from 'lib0/decoding';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { signToken, type Identity } from '../../server/auth/tokens.ts';
import { CLOSE_CODES } from '../../shared/limits.ts';
import {
  addIndicator,
  addProject,
  editText,
  removeIndicator,
  removeProject,
  setBudget,
  setDocumentMeta,
  setIndicatorField,
  setProjectField,
  setSpendingPlan,
  toBudgetJson,
  type BudgetText,
} from '../../shared/model/index.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { allowConsole } from '../helpers/fail-on-console.ts';
import { openRawSocket } from '../helpers/raw-socket.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/test-client.ts';
import { api, startTestServer, type TestServer } from '../helpers/test-server.ts';

const OFFICE = { org: 'lt-zfb', orgKind: 'department', region: '130225' } as const;
const people: Record<string, Identity> = {
  alice: { sub: 'alice', name: '张三', role: 'owner', ...OFFICE },
  bob: { sub: 'bob', name: '李四', role: 'editor', ...OFFICE },
  carol: { sub: 'carol', name: '王五', role: 'editor', ...OFFICE },
  rita: { sub: 'rita', name: '审核', role: 'reviewer', ...OFFICE },
};

/** The hostile changes: each one touches something outside 李四's grant (p-reception and 分项绩效目标, no money). */
const OUT_OF_GRANT: Array<[string, (doc: Y.Doc) => void]> = [
  ['a cell of another project', (d) => setIndicatorField(d, 'p-vehicles', 'v-qty', 'value', '≥999辆')],
  ['a header field of another project', (d) => setProjectField(d, 'p-vehicles', 'name', '改名')],
  ['a row insert into another project', (d) => addIndicator(d, 'p-vehicles', { name: '偷加的行' })],
  ['a row delete in another project', (d) => removeIndicator(d, 'p-vehicles', 'v-qty')],
  ['a row move from his project to another', (d) => d.transact(() => {
    removeIndicator(d, 'p-reception', 'r-qty');
    addIndicator(d, 'p-vehicles', { id: 'r-qty', name: '接待批次', value: '≥45批次' });
  })],
  ['a row move from another project to his', (d) => d.transact(() => {
    removeIndicator(d, 'p-vehicles', 'v-qty');
    addIndicator(d, 'p-reception', { id: 'v-qty', name: '接入车辆数' });
  })],
  ['deleting his own project', (d) => removeProject(d, 'p-reception')],
  ['adding a project', (d) => addProject(d, { name: '新项目' })],
  ['a money cell of his project', (d) => setBudget(d, 'p-reception', 'fiscal', 99)],
  ['the spending plan of his project', (d) => setSpendingPlan(d, 'p-reception', { mar: 50 })],
  ['a narrative section not granted', (d) => editText(d, { section: 'overallGoal' }, 0, 2, '篡改')],
  ['the title', (d) => setDocumentMeta(d, { title: '改标题' })],
  ['an update mixing a cell of his with one of another project (refused whole)', (d) => d.transact(() => {
    setIndicatorField(d, 'p-reception', 'r-qty', 'value', '≥50批次');
    setIndicatorField(d, 'p-vehicles', 'v-qty', 'value', '≥1辆');
  })],
];

describe('edit rights per project, refused on the server before anything is applied', () => {
  let server: TestServer;
  let id: string;
  const tokens: Record<string, string> = {};
  const clients: TestClient[] = [];
  const json = async () => (await api(server, 'GET', `/api/docs/${id}`, { token: tokens.alice })).body as BudgetText;
  const connect = async (who: string) => {
    const c = connectClient(server.wsUrl, id, tokens[who] as string);
    clients.push(c);
    await c.synced;
    return c;
  };

  beforeAll(async () => {
    server = await startTestServer();
    for (const [sub, identity] of Object.entries(people)) tokens[sub] = await signToken(server.key, identity);
    id = ((await api(server, 'POST', '/api/docs', { token: tokens.alice, body: makeSmallBudgetText() })).body as { id: string }).id;
    const put = (sub: string, grant: unknown) => api(server, 'PUT', `/api/docs/${id}/grants/${sub}`, { token: tokens.alice, body: grant });
    expect((await put('bob', { projects: ['p-reception'], money: false, sections: ['subGoals'] })).status).toBe(200);
    expect((await put('carol', { projects: [], money: true, sections: [] })).status).toBe(200);
  });
  afterEach(() => clients.splice(0).forEach((c) => c.destroy()));

  it.each(OUT_OF_GRANT)('refuses %s: not stored, not broadcast, the writer told why and back on the server’s state', async (_what, change) => {
    allowConsole(/outside-grant/);
    const observer = await connect('alice');
    const before = await json();
    // The hostile client: a copy of the server's state, its change sent as one raw update.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate((await connect('bob')).doc));
    const sv = Y.encodeStateVector(copy);
    change(copy);
    const raw = await openRawSocket(server.wsUrl, id, tokens.bob as string);
    const told = new Promise<string>((resolve) => raw.ws.on('message', (data: Buffer) => {
      const d = decoding.createDecoder(new Uint8Array(data));
      decoding.readVarString(d);
      if (decoding.readVarUint(d) === 5) resolve(decoding.readVarString(d));
    }));
    raw.sendUpdate(Y.encodeStateAsUpdate(copy, sv));
    expect(await raw.closed).toBe(CLOSE_CODES.OUTSIDE_GRANT.code);
    expect(JSON.parse(await told)).toMatchObject({ type: 'refused', reason: 'outside-grant', targets: expect.arrayContaining([expect.any(String)]) });
    await observer.roundTrip();
    expect(toBudgetJson(observer.doc)).toEqual(before);
    expect(await json()).toEqual(before);
    // What the client does after a refusal: start again from the server's state, which is unchanged.
    const again = await connect('bob');
    expect(toBudgetJson(again.doc)).toEqual(before);
  });

  it('accepts edits inside the grant, and money cells from the money grant', async () => {
    const bob = await connect('bob');
    const carol = await connect('carol');
    const alice = await connect('alice');
    setIndicatorField(bob.doc, 'p-reception', 'r-qty', 'value', '≥48批次');
    editText(bob.doc, { section: 'subGoals' }, 0, 0, '李四：');
    setBudget(carol.doc, 'p-vehicles', 'fiscal', 12);
    await Promise.all([bob.acknowledged(), carol.acknowledged()]);
    expect((await json()).projects[1]?.budget.fiscal).toBe(12);
    removeProject(alice.doc, 'p-vehicles');
    await alice.acknowledged();
    const now = await json();
    expect(now.projects.map((p) => p.id)).toEqual(['p-reception']);
    expect(now.projects[0]?.indicators[0]?.value).toBe('≥48批次');
    expect(now.overview.subGoals.startsWith('李四：')).toBe(true);
    await bob.roundTrip();
    expect(toBudgetJson(bob.doc)).toEqual(now);
  });

  it('applies a grant change to open connections at once and records it in the audit log', async () => {
    const bob = await connect('bob');
    const told = new Promise<string>((resolve) => bob.provider.on('stateless', ({ payload }: { payload: string }) => resolve(payload)));
    expect((await api(server, 'DELETE', `/api/docs/${id}/grants/bob`, { token: tokens.alice })).status).toBe(200);
    expect(JSON.parse(await told)).toMatchObject({ type: 'access', grant: null, moneyReserved: true });
    editText(bob.doc, { section: 'overallGoal' }, 0, 0, '现在可以');
    await bob.acknowledged();
    expect((await json()).overview.overallGoal.startsWith('现在可以')).toBe(true);
    const access = (await api(server, 'GET', `/api/docs/${id}/access`, { token: tokens.carol })).body;
    expect(access).toMatchObject({ role: 'editor', grant: { projects: [], money: true, sections: [] }, moneyReserved: true });
    const audit = (await api(server, 'GET', `/api/docs/${id}/audit`, { token: tokens.alice })).body as { entries: Array<{ kind: string; subject: string; by: { sub: string }; before: unknown; after: unknown }> };
    expect(audit.entries.filter((e) => e.subject === 'bob').map((e) => [e.kind, e.by.sub, e.before === null, e.after === null])).toEqual([
      ['grant', 'alice', true, false],
      ['grant', 'alice', false, true],
    ]);
    expect((await api(server, 'GET', `/api/docs/${id}/grants`, { token: tokens.bob })).status).toBe(403);
  });

  it('keeps accepting suggestions and restoring versions within the grant of the person who does it', async () => {
    const call = (who: string, method: string, path: string, body?: unknown) => api(server, method, `/api/docs/${doc}${path}`, { token: tokens[who], ...(body === undefined ? {} : { body }) });
    const doc = ((await api(server, 'POST', '/api/docs', { token: tokens.alice, body: makeSmallBudgetText() })).body as { id: string }).id;
    expect((await call('alice', 'PUT', '/grants/bob', { projects: ['p-reception'], money: false, sections: [] })).status).toBe(200);
    expect((await call('alice', 'PUT', '/grants/carol', { projects: [], money: true, sections: [] })).status).toBe(200);
    const suggest = async (body: unknown) => ((await call('rita', 'POST', '/suggestions', body)).body as { id: string }).id;
    const mine = await suggest({ project: 'p-reception', indicator: 'r-qty', field: 'value', value: '≥48批次' });
    const other = await suggest({ project: 'p-vehicles', indicator: 'v-qty', field: 'value', value: '≥1辆' });
    const money = await suggest({ project: 'p-reception', field: 'budget.total', value: 9 });
    expect((await call('bob', 'POST', `/suggestions/${other}/accept`)).status).toBe(403);
    expect((await call('bob', 'POST', `/suggestions/${money}/accept`)).status).toBe(403);
    expect((await call('bob', 'POST', `/suggestions/${mine}/accept`)).status).toBe(200);
    expect((await call('carol', 'POST', `/suggestions/${money}/accept`)).status).toBe(200);
    const text = (await call('alice', 'GET', '')).body as BudgetText;
    expect([text.projects[0]?.indicators[0]?.value, text.projects[1]?.indicators[0]?.value, text.projects[0]?.budget.total]).toEqual(['≥48批次', '≥120辆', 9]);
    // A restore rewrites everything: only someone without limits may do it.
    const version = (await call('alice', 'POST', '/versions', { label: '一' })).body as { id: string };
    expect((await call('bob', 'POST', `/versions/${version.id}/restore`)).status).toBe(403);
    expect((await call('carol', 'POST', `/versions/${version.id}/restore`)).status).toBe(403);
    expect((await call('alice', 'POST', `/versions/${version.id}/restore`)).status).toBe(200);
  });

  it('refuses a grant naming a project the document does not have, with a bilingual error, changing nothing', async () => {
    const res = await api(server, 'PUT', `/api/docs/${id}/grants/bob`, { token: tokens.alice, body: { projects: ['p-nope'], money: false, sections: [] } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'INVALID_REQUEST', zh: expect.stringContaining('p-nope'), en: expect.stringContaining('p-nope') } });
    const grants = (await api(server, 'GET', `/api/docs/${id}/grants`, { token: tokens.alice })).body as { grants: Array<{ sub: string }> };
    expect(grants.grants.map((g) => g.sub)).toEqual(['carol']);
  });

  it('keeps refused updates out of storage: the document rebuilt after a restart has none of them', async () => {
    const before = await json();
    server = await server.restart();
    expect(await json()).toEqual(before);
    await waitFor(() => true);
  });
});
