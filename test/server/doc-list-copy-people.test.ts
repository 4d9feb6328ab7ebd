import { beforeAll, describe, expect, it } from 'vitest';
import { makeBlankBudgetText } from '../../shared/model/blank-budget-text.ts';
import type { BudgetText } from '../../shared/model/index.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { connectClient, waitFor } from '../helpers/test-client.ts';
import { api, startTestServer, type TestServer } from '../helpers/test-server.ts';

type Entry = { id: string; title: string; year: number | null; status: string; errors: number };
type Candidate = { sub: string; name: string; initials: string };

/** The small text with one error (a satisfaction value that is not a number). */
function withError(): BudgetText {
  const t = makeSmallBudgetText();
  t.projects[0]!.indicators[5]!.value = '有所提高';
  return t;
}

describe('the document list, copies and the people to @mention', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    server = await startTestServer();
    tokens.owner = await server.tokenFor('alice', 'owner', '张三');
    tokens.editor = await server.tokenFor('bob', 'editor', '李四');
    tokens.viewer = await server.tokenFor('erin', 'viewer', '钱七');
    tokens.outsider = await server.tokenFor('carol', 'editor', '王五');
  });
  const call = (who: string, method: string, path: string, body?: unknown) => api(server, method, path, { token: tokens[who], ...(body === undefined ? {} : { body }) });
  const newDoc = async (text: BudgetText) => ((await call('owner', 'POST', '/api/docs', text)).body as { id: string }).id;
  const list = async () => (await call('viewer', 'GET', '/api/docs')).body as Entry[];

  it('lists each document with its workflow status and its error count, as they change', async () => {
    const clean = await newDoc(makeSmallBudgetText());
    const broken = await newDoc(withError());
    expect((await list()).find((e) => e.id === clean)).toMatchObject({ status: 'draft', errors: 0, year: 2025 });
    expect((await list()).find((e) => e.id === broken)).toMatchObject({ status: 'draft', errors: 1 });
    expect((await call('owner', 'POST', `/api/docs/${clean}/status`, { status: 'submitted' })).status).toBe(200);
    expect((await list()).find((e) => e.id === clean)?.status).toBe('submitted');
  });

  it('creates a blank document from the template, which lists with its template rows', async () => {
    const blank = makeBlankBudgetText({ title: '新建文本', year: 2026, department: { code: '', name: '某局', region: null } });
    const id = await newDoc(blank);
    const json = (await call('owner', 'GET', `/api/docs/${id}`)).body as BudgetText;
    expect(json.projects[0]!.indicators.map((i) => `${i.level1}/${i.level2}`)).toEqual([
      '产出指标/数量指标', '产出指标/质量指标', '产出指标/时效指标', '产出指标/成本指标', '效益指标/社会效益指标', '满意度指标/服务对象满意度指标',
    ]);
    expect((await list()).find((e) => e.id === id)).toMatchObject({ title: '新建文本', status: 'draft' });
  });

  it('copies a document into a new draft owned by the copier; refuses viewers and bad input, creating nothing', async () => {
    const source = await newDoc(withError());
    const copied = await call('editor', 'POST', `/api/docs/${source}/copy`, {});
    expect(copied.status).toBe(201);
    const id = (copied.body as { id: string }).id;
    const json = (await call('editor', 'GET', `/api/docs/${id}`)).body as BudgetText;
    expect(json.title).toBe(`${withError().title}（副本）`);
    expect(json.projects).toEqual(withError().projects);
    expect((await list()).find((e) => e.id === id)).toMatchObject({ status: 'draft', errors: 1 });
    const members = (await call('editor', 'GET', `/api/docs/${id}/members`)).body as Record<string, { role: string }> | Array<{ sub: string; role: string }>;
    expect(JSON.stringify(members)).toContain('bob');

    const before = (await list()).length;
    const refused = await call('viewer', 'POST', `/api/docs/${source}/copy`, {});
    expect(refused.status).toBe(403);
    const bad = await call('editor', 'POST', `/api/docs/${source}/copy`, { title: '' });
    expect(bad.status).toBe(400);
    expect((bad.body as { error: { zh: string; en: string } }).error).toMatchObject({ zh: '请求参数有误', en: 'Invalid request' });
    expect((await call('editor', 'POST', '/api/docs/nope/copy', {})).status).toBe(404);
    expect((await list()).length).toBe(before);
  });

  it('offers members and everyone the server has seen for @mentions, with pinyin initials, not the caller', async () => {
    const id = await newDoc(makeSmallBudgetText());
    expect((await call('owner', 'PUT', `/api/docs/${id}/members/frank`, { role: 'reviewer', name: '孙八' })).status).toBe(200);
    // 王五 has never been a member: opening any document makes them known.
    const other = await newDoc(makeSmallBudgetText());
    const client = connectClient(server.wsUrl, other, tokens.outsider!);
    await client.synced;
    client.destroy();
    // The server notes a person in its `connected` hook, whose synced write can end after the first sync.
    const people = await waitFor(async () => {
      const seen = (await call('owner', 'GET', `/api/docs/${id}/people`)).body as Candidate[];
      return seen.some((p) => p.sub === 'carol') && seen;
    }, 5_000, '王五 among the people seen');
    expect(people).toEqual(expect.arrayContaining([
      { sub: 'frank', name: '孙八', initials: 'sb' },
      { sub: 'carol', name: '王五', initials: 'ww' },
    ]));
    expect(people.some((p) => p.sub === 'alice')).toBe(false);
    // Remembered across a restart (LevelDB).
    server = await server.restart();
    const again = (await api(server, 'GET', `/api/docs/${id}/people`, { token: tokens.editor })).body as Candidate[];
    expect(again.map((p) => p.sub).sort()).toEqual(expect.arrayContaining(['alice', 'carol', 'frank']));
    expect(again.find((p) => p.sub === 'alice')?.initials).toBe('zs');
  });
});
