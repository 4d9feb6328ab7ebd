import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../../server/auth/tokens.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { api, startTestServer, type TestServer } from '../helpers/test-server.ts';

const CLI = fileURLToPath(new URL('../../server/cli/token.ts', import.meta.url));
const SECRET = 'token-cli-test-secret-0123456789';
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, JWT_SECRET: SECRET } });

describe('npm run token with organisations', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ jwtSecret: SECRET });
  });
  afterAll(() => server?.stop());

  it('signs --org, --org-kind and --region into claims the server reads as the caller’s reach', async () => {
    const bureau = run('--sub', 'dave', '--name', '赵六', '--role', 'reviewer', '--org', 'lt-czj', '--org-kind', 'finance', '--region', '130225');
    expect(bureau.stderr).toBe('');
    expect(bureau.status).toBe(0);
    const token = bureau.stdout.trim();
    const claims = JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString('utf8')) as Record<string, unknown>;
    expect(claims).toMatchObject({ sub: 'dave', role: 'reviewer', org: 'lt-czj', orgKind: 'finance', region: '130225' });
    expect((await api(server, 'GET', '/api/me', { token })).body).toMatchObject({ org: 'lt-czj', orgKind: 'finance', region: '130225' });

    // The bureau sees its region's department, not another county's, nor a department of its own kind elsewhere.
    const owner = (org: string, region: string) => signToken(server.key, { sub: `o-${org}`, name: org, role: 'owner', org, orgKind: 'department', region });
    const create = async (t: string) => ((await api(server, 'POST', '/api/docs', { token: t, body: makeSmallBudgetText() })).body as { id: string }).id;
    const near = await create(await owner('lt-zfb', '130225'));
    const far = await create(await owner('zh-zfb', '130281'));
    const listed = ((await api(server, 'GET', '/api/docs', { token })).body as Array<{ id: string }>).map((d) => d.id);
    expect(listed).toEqual([near]);
    expect((await api(server, 'GET', `/api/docs/${far}`, { token })).status).toBe(404);

    // Without --org: a single-organisation token, no organisation claims; --org alone means a department.
    const plain = run('--sub', 'sam', '--name', '单机', '--role', 'editor');
    expect(JSON.parse(Buffer.from(plain.stdout.trim().split('.')[1] as string, 'base64url').toString('utf8'))).not.toHaveProperty('org');
    const dept = run('--sub', 'bob', '--name', '李四', '--role', 'editor', '--org', 'lt-zfb', '--region', '130225');
    expect(JSON.parse(Buffer.from(dept.stdout.trim().split('.')[1] as string, 'base64url').toString('utf8'))).toMatchObject({ org: 'lt-zfb', orgKind: 'department' });
  });

  it('refuses organisation options that do not fit, in Chinese and English, printing no token', () => {
    for (const args of [
      ['--org-kind', 'finance'],
      ['--region', '130225'],
      ['--org', 'lt-czj', '--org-kind', 'bureau'],
      ['--org', 'lt czj'],
      ['--org', 'lt-czj', '--region', 'abc'],
    ]) {
      const out = run('--sub', 'x', '--name', 'X', '--role', 'editor', ...args);
      expect(out.status, args.join(' ')).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr).toMatch(/usage:/);
    }
    expect(run('--sub', 'x', '--name', 'X', '--role', 'editor', '--region', '1').stderr).toMatch(/需要与 --org 一起使用.*--org-kind and --region need --org/);
  });
});
