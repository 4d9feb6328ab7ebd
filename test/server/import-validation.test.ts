import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEED_DIR } from '../../server/demo/load-demo-docs.ts';
import type { BudgetText } from '../../shared/model/budget-text-schema.ts';
import type { Finding } from '../../shared/rules/index.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { signToken } from '../../server/auth/tokens.ts';
import { DEMO_USERS } from '../../server/auth/demo-users.ts';
import { api, startTestServer, type TestServer } from '../helpers/test-server.ts';

const SEEDS = [
  ['000_dab3d716b961eaf4.txt', 8, 61],
  ['001_1dc3a85c290a1481.txt', 15, 105],
  ['002_5c6f3b5fd23eb4e3.txt', 17, 117],
  ['003_bc1e709cbc29c5ff.txt', 5, 45],
  ['004_0404a47cf35d884c.txt', 11, 40],
] as const;

describe('import and validation over HTTP', () => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await startTestServer();
    token = await server.tokenFor('alice', 'owner');
  });

  const importSeed = async (file: string) => {
    const raw = await readFile(join(SEED_DIR, file), 'utf8');
    const res = await fetch(`${server.url}/api/docs/import`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: raw });
    return { status: res.status, body: (await res.json()) as { id: string; report: { projects: number; indicators: number; guesses: unknown[] } } };
  };

  it.each(SEEDS)('imports seed %s with %i tables and %i rows, and a report of its guesses', async (file, tables, rows) => {
    const { status, body } = await importSeed(file);
    expect(status).toBe(201);
    expect(body.report).toMatchObject({ projects: tables, indicators: rows });
    expect(body.report.guesses.length).toBeGreaterThan(0);
    const doc = (await api(server, 'GET', `/api/docs/${body.id}`, { token })).body as BudgetText;
    expect(doc.projects).toHaveLength(tables);
    expect(doc.projects.reduce((n, p) => n + p.indicators.length, 0)).toBe(rows);
  });

  it('reports seed 000 project 2: a 成本指标 of 22 万元 over a 预算数 of 20 万元 is an error', async () => {
    const { body } = await importSeed(SEEDS[0][0]);
    const doc = (await api(server, 'GET', `/api/docs/${body.id}`, { token })).body as BudgetText;
    const res = await api(server, 'GET', `/api/docs/${body.id}/validation`, { token });
    expect(res.status).toBe(200);
    const { findings, summary } = res.body as { findings: Finding[]; summary: { errors: number } };
    const p2 = doc.projects[1]!;
    const hit = findings.find((f) => f.ruleId === 'R-COST-LE-BUDGET' && f.place.project === p2.id);
    expect(hit).toMatchObject({ severity: 'error', place: { field: 'value' } });
    expect(p2.indicators.find((i) => i.id === hit!.place.indicator)!.value).toMatch(/22/);
    expect(hit!.zh).toMatch(/20/);
    expect(summary.errors).toBeGreaterThan(0);
  });

  it('finds no errors or warnings in a clean hand-made document', async () => {
    const { body } = await api(server, 'POST', '/api/docs', { token, body: makeSmallBudgetText() });
    const res = await api(server, 'GET', `/api/docs/${(body as { id: string }).id}/validation`, { token });
    const { summary } = res.body as { summary: { errors: number; warnings: number } };
    expect(summary).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('refuses an unimportable file with a bilingual error and creates nothing', async () => {
    const before = ((await api(server, 'GET', '/api/docs', { token })).body as unknown[]).length;
    const res = await fetch(`${server.url}/api/docs/import`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: '随便写的一段话，没有表格。' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { zh: string; en: string } };
    expect(body.error.zh.length).toBeGreaterThan(0);
    expect(body.error.en.length).toBeGreaterThan(0);
    expect(((await api(server, 'GET', '/api/docs', { token })).body as unknown[]).length).toBe(before);
  });

  it('loads all five seeds as demo documents on first start, each in its department', async () => {
    const demo = await startTestServer({ demo: true });
    const titles = async (sub: string) => {
      const token = await signToken(demo.key, DEMO_USERS.find((u) => u.sub === sub)!);
      return ((await api(demo, 'GET', '/api/docs', { token })).body as Array<{ title: string }>).map((d) => d.title).sort();
    };
    // The finance bureau of 乐亭县 sees its four departments, not 遵化市.
    expect(await titles('dave')).toHaveLength(4);
    expect((await titles('dave')).join()).not.toMatch(/遵化市/);
    expect(await titles('alice')).toEqual([expect.stringMatching(/^乐亭县人民政府办公室/)]);
    expect(await titles('frank')).toEqual([expect.stringMatching(/^乐亭县机关事务中心/)]);
    expect(await titles('root')).toEqual([]);
  });
});
