import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { signToken } from '../../server/auth/tokens.ts';
import { setIndicatorField } from '../../shared/model/index.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { startPostgres, type PostgresService } from '../helpers/postgres-service.ts';
import { connectClient, waitFor } from '../helpers/test-client.ts';
import { api, startTestServer } from '../helpers/test-server.ts';

const CLI = fileURLToPath(new URL('../../server/cli/migrate-storage.ts', import.meta.url));
const SECRET = 'migrate-storage-secret-0123456789';
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

describe('npm run migrate-storage', () => {
  let postgres: PostgresService;
  beforeAll(async () => {
    postgres = await startPostgres();
  }, 60_000);
  afterAll(() => postgres?.stop());

  it('copies a LevelDB data folder into PostgreSQL, verified, and a server on PostgreSQL serves the same documents', async () => {
    const level = await startTestServer({ jwtSecret: SECRET });
    // With organisations, so their records (document organisation, grants, assignments, audit, people seen) are copied too.
    const token = await signToken(level.key, { sub: 'alice', name: '张三', role: 'owner', org: 'lt-zfb', orgKind: 'department', region: '130225' });
    const reviewer = await signToken(level.key, { sub: 'dave', name: '赵六', role: 'reviewer', org: 'lt-czj', orgKind: 'finance', region: '130225' });
    const admin = await signToken(level.key, { sub: 'root', name: '管理员', role: 'admin' });
    const id = ((await api(level, 'POST', '/api/docs', { token, body: makeSmallBudgetText() })).body as { id: string }).id;
    const client = connectClient(level.wsUrl, id, token);
    await client.synced;
    for (let i = 0; i < 20; i++) setIndicatorField(client.doc, 'p-reception', 'r-qty', 'value', `≥${i}批次`);
    await client.acknowledged();
    client.destroy();
    expect((await api(level, 'POST', `/api/docs/${id}/versions`, { token, body: { label: '迁移前' } })).status).toBe(201);
    expect((await api(level, 'POST', `/api/docs/${id}/comments`, { token, body: { anchor: { project: 'p-reception' }, text: '迁移' } })).status).toBe(201);
    expect((await api(level, 'PUT', `/api/docs/${id}/grants/bob`, { token, body: { projects: ['p-reception'], money: false, sections: [] } })).status).toBe(200);
    expect((await api(level, 'GET', '/api/docs', { token: reviewer })).status).toBe(200);
    expect((await api(level, 'PUT', '/api/assignments/dave', { token: admin, body: { departments: ['lt-zfb'] } })).status).toBe(200);
    const history = '/history?project=p-reception&indicator=r-qty&field=value';
    const paths = ['', '/versions', '/comments', history, '/grants', '/audit', '/access'];
    // History is written in the background (stop() writes the rest): the snapshot must hold all of it.
    await waitFor(async () => ((await api(level, 'GET', `/api/docs/${id}${history}`, { token })).body as Array<{ after: unknown }>).at(-1)?.after === '≥19批次', 10_000, 'the last edit in the history');
    const before = await Promise.all(paths.map(async (p) => (await api(level, 'GET', `/api/docs/${id}${p}`, { token })).body));
    const assignmentsBefore = (await api(level, 'GET', '/api/assignments', { token: admin })).body;
    await level.stop();

    const url = await postgres.createDatabase();
    const done = run('--from', level.dataDir, '--to', url);
    expect(done.stderr).toBe('');
    expect(done.status).toBe(0);
    const report = JSON.parse(done.stdout) as { copied: number; verified: boolean; kinds: Record<string, { count: number }> };
    expect(report.verified).toBe(true);
    expect(report.kinds['documents']?.count).toBe(1);
    expect(report.kinds['reviewDocuments']?.count).toBe(1);
    expect(report.kinds['versions']?.count).toBe((before[1] as unknown[]).length);
    // Whether the document is owed an automatic version (settled by the one taken as it closed).
    expect(report.kinds['owedVersions']?.count).toBe(1);
    expect(report.kinds['history']?.count).toBeGreaterThan(0);
    expect([report.kinds['documentOrganisations']?.count, report.kinds['grants']?.count, report.kinds['assignments']?.count]).toEqual([1, 1, 1]);
    expect(report.kinds['audit']?.count).toBe(2);
    expect(report.kinds['peopleSeen']?.count).toBe(2);
    expect(report.kinds['people']?.count).toBeGreaterThan(0);
    expect(report.kinds['other']?.count).toBe(0);
    expect(report.copied).toBe(Object.values(report.kinds).reduce((n, k) => n + k.count, 0));

    const onPg = await startTestServer({ databaseUrl: url, jwtSecret: SECRET });
    const after = await Promise.all(paths.map(async (p) => (await api(onPg, 'GET', `/api/docs/${id}${p}`, { token })).body));
    expect(after).toEqual(before);
    expect((await api(onPg, 'GET', '/api/assignments', { token: admin })).body).toEqual(assignmentsBefore);
    // Still within reach rules on PostgreSQL: another department sees nothing.
    const other = await signToken(onPg.key, { sub: 'frank', name: '孙八', role: 'owner', org: 'lt-jgsw', orgKind: 'department', region: '130225' });
    expect((await api(onPg, 'GET', `/api/docs/${id}`, { token: other })).status).toBe(404);
    await onPg.stop();

    // The schema was created and its migration recorded.
    const c = new pg.Client(url);
    await c.connect();
    expect((await c.query('SELECT version FROM jixiao_migrations')).rows).toEqual([{ version: 1 }]);
    await c.end();

    // A second run refuses the now non-empty database and changes nothing.
    const again = run('--from', level.dataDir, '--to', url);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('目标数据库已有数据');
    expect(again.stderr).toContain('The target database is not empty');
  });

  it('refuses bad arguments in Chinese and English', () => {
    const missing = run('--from', '/nonexistent');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/缺少 --from 或 --to[\s\S]*Missing --from or --to/);
    const noData = run('--from', '/nonexistent', '--to', 'postgres://x@127.0.0.1:1/x');
    expect(noData.status).toBe(1);
    expect(noData.stderr).toContain('No LevelDB data');
    expect(run('--from', '/tmp', '--to', 'mysql://x').stderr).toContain('--to must be a postgres:// URL');
  });
});
