import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { signToken, type Identity } from '../../server/auth/tokens.ts';
import { SEED_DIR } from '../../server/demo/load-demo-docs.ts';
import type { BudgetDiff } from '../../shared/diff/index.ts';
import { importBudgetText } from '../../shared/import/index.ts';
import type { BudgetText } from '../../shared/model/budget-text-schema.ts';
import { addIndicator, removeIndicator, setIndicatorField } from '../../shared/model/mutations.ts';
import type { PreviousYear } from '../../server/rollover/next-year-service.ts';
import { connectClient } from '../helpers/test-client.ts';
import { api, startTestServer, type TestServer } from '../helpers/test-server.ts';

const REGION = '130225';
const PEOPLE = {
  editor: { sub: 'alice', name: '张三', role: 'editor', org: 'lt-zfb', orgKind: 'department', region: REGION },
  viewer: { sub: 'vera', name: '钱七', role: 'viewer', org: 'lt-zfb', orgKind: 'department', region: REGION },
  other: { sub: 'olga', name: '周九', role: 'editor', org: 'lt-jgsw', orgKind: 'department', region: REGION },
  root: { sub: 'root', name: '管理员', role: 'admin' },
} as const satisfies Record<string, Identity>;
type Person = keyof typeof PEOPLE;

const rowsOf = (t: BudgetText) => t.projects.flatMap((p) => p.indicators);
const idsOf = (t: BudgetText) => [...t.projects.map((p) => p.id), ...rowsOf(t).map((r) => r.id)];

describe('next year’s draft (real server, LevelDB)', () => {
  let server: TestServer;
  const tokens = new Map<Person, string>();
  const call = (who: Person, method: string, path: string, body?: unknown) => api(server, method, path, { token: tokens.get(who) as string, ...(body === undefined ? {} : { body }) });
  const json = async (id: string) => (await call('editor', 'GET', `/api/docs/${id}`)).body as BudgetText;
  const seeds: BudgetText[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    for (const [who, identity] of Object.entries(PEOPLE)) tokens.set(who as Person, await signToken(server.key, identity));
    for (const file of (await readdir(SEED_DIR)).filter((f) => f.endsWith('.txt')).sort()) {
      const result = importBudgetText(await readFile(join(SEED_DIR, file), 'utf8'));
      if (!result.ok) throw new Error(`${file}: ${result.error.en}`);
      seeds.push(result.value.doc);
    }
  });

  /** Stores `text` as the editor's department and makes next year's draft of it; both ids. */
  async function rollOver(text: BudgetText): Promise<{ source: string; draft: string }> {
    const source = ((await call('editor', 'POST', '/api/docs', text)).body as { id: string }).id;
    const made = await call('editor', 'POST', `/api/docs/${source}/next-year`);
    expect(made.status).toBe(201);
    return { source, draft: (made.body as { id: string }).id };
  }

  it('rolls every seed over: same counts, new ids, the year moved on in year and title, codes, narrative and rows kept, 上年指标值 for every row', async () => {
    expect(seeds.length).toBeGreaterThanOrEqual(5);
    for (const seed of seeds) {
      const { source, draft } = await rollOver(seed);
      const [before, after] = [await json(source), await json(draft)];
      const year = before.year as number;
      expect(after.year).toBe(year + 1);
      expect(after.title).toBe(before.title.replaceAll(String(year), String(year + 1)));
      expect(after.title).toContain(`${year + 1}年`);
      expect(after.projects.map((p) => p.indicators.length)).toEqual(before.projects.map((p) => p.indicators.length));
      expect(new Set(idsOf(after)).size).toBe(idsOf(before).length);
      expect(idsOf(after).filter((id) => idsOf(before).includes(id))).toEqual([]);
      expect(after.projects.map((p) => p.code)).toEqual(before.projects.map((p) => p.code));
      expect(after.overview).toEqual(before.overview);
      expect(after.department).toEqual(before.department);
      const content = (t: BudgetText) => t.projects.map(({ id: _id, indicators, ...p }) => ({ ...p, indicators: indicators.map(({ id: _row, ...r }) => r) }));
      expect(content(after)).toEqual(content(before));

      const previous = (await call('editor', 'GET', `/api/docs/${draft}/previous`)).body as PreviousYear;
      expect(previous.previous).toEqual({ id: source, title: before.title, year });
      const beforeRows = rowsOf(before);
      expect(rowsOf(after).map((r) => previous.values[r.id])).toEqual(beforeRows.map((r) => ({ value: r.value, basis: r.basis })));
      // The source has no previous year.
      expect((await call('editor', 'GET', `/api/docs/${source}/previous`)).body).toEqual({ previous: null, values: {} });
    }
  }, 60_000);

  it('makes the caller the owner of the draft, allows a second draft, refuses viewers and documents without a year', async () => {
    const { source, draft } = await rollOver(seeds[0] as BudgetText);
    const members = JSON.stringify((await call('editor', 'GET', `/api/docs/${draft}/members`)).body);
    expect(members).toContain('alice');
    expect(members).toContain('owner');
    const second = await call('editor', 'POST', `/api/docs/${source}/next-year`);
    expect(second.status).toBe(201);
    expect((second.body as { id: string }).id).not.toBe(draft);

    const count = async () => ((await call('editor', 'GET', '/api/docs')).body as unknown[]).length;
    const before = await count();
    expect((await call('viewer', 'POST', `/api/docs/${source}/next-year`)).status).toBe(403);
    const yearless = ((await call('editor', 'POST', '/api/docs', { ...(seeds[0] as BudgetText), year: null })).body as { id: string }).id;
    const refused = await call('editor', 'POST', `/api/docs/${yearless}/next-year`);
    expect(refused.status).toBe(400);
    expect((refused.body as { error: { zh: string; en: string } }).error).toMatchObject({ code: 'INVALID_REQUEST', zh: expect.stringContaining('年度') as string, en: expect.stringContaining('year') as string });
    expect(await count()).toBe(before + 1);
  });

  it('matches a row added after the rollover by (二级, 三级), and the diff against last year shows a changed 指标值', async () => {
    const seed = seeds[3] as BudgetText;
    const { source, draft } = await rollOver(seed);
    const after = await json(draft);
    const project = after.projects[0]!;
    const [kept, replaced] = project.indicators as [BudgetText['projects'][0]['indicators'][0], BudgetText['projects'][0]['indicators'][0]];
    const client = connectClient(server.wsUrl, draft, tokens.get('editor') as string);
    await client.synced;
    removeIndicator(client.doc, project.id, replaced.id);
    const readded = addIndicator(client.doc, project.id, { level1: replaced.level1, level2: ` ${replaced.level2}`, name: replaced.name, value: '' }) as string;
    const unknown = addIndicator(client.doc, project.id, { level2: replaced.level2, name: '上年没有的指标' }) as string;
    setIndicatorField(client.doc, project.id, kept.id, 'value', '已调整的指标值');
    await client.acknowledged();
    client.destroy();

    const previous = (await call('editor', 'GET', `/api/docs/${draft}/previous`)).body as PreviousYear;
    const origin = seed.projects[0]!.indicators;
    expect(previous.values[readded]).toEqual({ value: origin[1]!.value, basis: origin[1]!.basis });
    expect(previous.values[kept.id]).toEqual({ value: origin[0]!.value, basis: origin[0]!.basis });
    expect(previous.values[unknown]).toBeUndefined();

    const diff = await call('editor', 'GET', `/api/docs/${draft}/diff?from=current&to=current&against=${source}`);
    expect(diff.status).toBe(200);
    const body = diff.body as BudgetDiff;
    expect(body.meta).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'year', before: seed.year, after: (seed.year as number) + 1 })]));
    const row = body.projects[0]!.indicators.find((r) => r.toId === kept.id);
    expect(row?.status).toBe('changed');
    expect(row?.cells).toEqual([expect.objectContaining({ field: 'value', before: origin[0]!.value, after: '已调整的指标值' })]);
    // `from` may name a saved version of last year's text; a version of this draft is not one of it.
    const vid = ((await call('editor', 'POST', `/api/docs/${source}/versions`, { label: '上年终稿' })).body as { id: string }).id;
    const fromVersion = (await call('editor', 'GET', `/api/docs/${draft}/diff?from=${vid}&to=current&against=${source}`)).body as BudgetDiff;
    expect(fromVersion.projects[0]!.indicators.find((r) => r.toId === kept.id)?.cells).toEqual([expect.objectContaining({ field: 'value', before: origin[0]!.value })]);
    const own = ((await call('editor', 'POST', `/api/docs/${draft}/versions`, { label: '本年' })).body as { id: string }).id;
    expect((await call('editor', 'GET', `/api/docs/${draft}/diff?from=${own}&to=current&against=${source}`)).status).toBe(404);
    // Without `against` the same document is compared with itself: nothing changed.
    expect(((await call('editor', 'GET', `/api/docs/${draft}/diff?from=current&to=current`)).body as BudgetDiff).changes).toEqual([]);
  });

  it('keeps last year out of reach of another department: 404 for next-year and diff, previous: null after a transfer', async () => {
    const { source, draft } = await rollOver(seeds[1] as BudgetText);
    expect((await call('other', 'POST', `/api/docs/${source}/next-year`)).status).toBe(404);
    expect((await call('other', 'GET', `/api/docs/${draft}/previous`)).status).toBe(404);
    const own = ((await call('other', 'POST', '/api/docs', seeds[1])).body as { id: string }).id;
    const against = await call('other', 'GET', `/api/docs/${own}/diff?from=current&to=current&against=${source}`);
    expect(against.status).toBe(404);
    expect(JSON.stringify(against.body)).toMatch(/找不到文档/);
    expect((await call('other', 'GET', `/api/docs/${own}/diff?from=current&to=current&against=bad!id`)).status).toBe(404);

    expect((await call('root', 'PUT', `/api/docs/${draft}/organisation`, { org: 'lt-jgsw', orgKind: 'department', region: REGION })).status).toBe(200);
    expect((await call('other', 'GET', `/api/docs/${draft}/previous`)).body).toEqual({ previous: null, values: {} });
    expect((await call('other', 'GET', `/api/docs/${draft}/diff?from=current&to=current&against=${source}`)).status).toBe(404);
  });

  it('keeps the link across a restart', async () => {
    const { source, draft } = await rollOver(seeds[2] as BudgetText);
    server = await server.restart();
    const previous = (await call('editor', 'GET', `/api/docs/${draft}/previous`)).body as PreviousYear;
    expect(previous.previous?.id).toBe(source);
    expect(Object.keys(previous.values)).toHaveLength(rowsOf(seeds[2] as BudgetText).length);
  });
});
