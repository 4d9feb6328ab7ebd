import { beforeAll, describe, expect, it } from 'vitest';
import { signToken, type Identity } from '../../server/auth/tokens.ts';
import { CLOSE_CODES } from '../../shared/limits.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { openRawSocket } from '../helpers/raw-socket.ts';
import { api, startTestServer, type TestServer } from '../helpers/test-server.ts';

const REGION = '130225';
const OFFICE = { org: 'lt-zfb', orgKind: 'department', region: REGION } as const;
const AFFAIRS = { org: 'lt-jgsw', orgKind: 'department', region: REGION } as const;
const FINANCE = { org: 'lt-czj', orgKind: 'finance', region: REGION } as const;
const people: Record<string, Identity> = {
  alice: { sub: 'alice', name: '张三', role: 'owner', ...OFFICE },
  bob: { sub: 'bob', name: '李四', role: 'editor', ...OFFICE },
  olga: { sub: 'olga', name: '办公室审核', role: 'reviewer', ...OFFICE },
  frank: { sub: 'frank', name: '孙八', role: 'owner', ...AFFAIRS },
  dave: { sub: 'dave', name: '赵六', role: 'reviewer', ...FINANCE },
  gina: { sub: 'gina', name: '周九', role: 'owner', ...FINANCE },
  root: { sub: 'root', name: '管理员', role: 'admin' },
  solo: { sub: 'solo', name: '单机', role: 'owner' },
  sam: { sub: 'sam', name: '单机编辑', role: 'editor' },
  rita: { sub: 'rita', name: '单机审核', role: 'reviewer' },
};

describe('organisations: reach, assignments, transfer, separation of duties, audit', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  const call = (who: string, method: string, path: string, body?: unknown) => api(server, method, path, { token: tokens[who], ...(body === undefined ? {} : { body }) });
  const create = async (who: string) => ((await call(who, 'POST', '/api/docs', makeSmallBudgetText())).body as { id: string }).id;
  const listed = async (who: string) => ((await call(who, 'GET', '/api/docs')).body as Array<{ id: string }>).map((d) => d.id).sort();

  beforeAll(async () => {
    server = await startTestServer();
    for (const [sub, identity] of Object.entries(people)) tokens[sub] = await signToken(server.key, identity);
  });

  it('lists a department its own documents and the finance bureau its region’s, narrowed by an assignment', async () => {
    const office = await create('alice');
    const affairs = await create('frank');
    expect(await listed('bob')).toEqual([office]);
    expect(await listed('frank')).toEqual([affairs]);
    expect(await listed('dave')).toEqual([office, affairs].sort());
    expect((await call('frank', 'GET', `/api/docs/${office}/comments`)).status).toBe(404);

    // Only the bureau's owner (or an admin) narrows a reviewer, and only a person of the bureau.
    expect((await call('alice', 'PUT', '/api/assignments/dave', { departments: ['lt-zfb'] })).status).toBe(403);
    expect((await call('dave', 'PUT', '/api/assignments/dave', { departments: ['lt-zfb'] })).status).toBe(403);
    expect((await call('gina', 'PUT', '/api/assignments/bob', { departments: ['lt-zfb'] })).status).toBe(404);
    expect((await call('gina', 'PUT', '/api/assignments/dave', { departments: ['lt-zfb'] })).status).toBe(200);
    expect(await listed('dave')).toEqual([office]);
    expect((await call('dave', 'GET', `/api/docs/${affairs}`)).status).toBe(404);
    const assignments = (await call('gina', 'GET', '/api/assignments')).body as { assignments: unknown[]; audit: Array<{ by: { sub: string }; subject: string; before: unknown; after: unknown }> };
    expect(assignments.assignments).toEqual([{ sub: 'dave', departments: ['lt-zfb'] }]);
    expect(assignments.audit).toEqual([expect.objectContaining({ by: { sub: 'gina', name: '周九' }, subject: 'dave', before: null, after: { departments: ['lt-zfb'] } })]);
    expect((await call('root', 'PUT', '/api/assignments/dave', { departments: null })).status).toBe(200);
    expect(await listed('dave')).toEqual([office, affairs].sort());
  });

  it('lets an admin move a document to another department without reading it; the move is audited', async () => {
    const id = await create('alice');
    expect((await call('root', 'GET', `/api/docs/${id}`)).status).toBe(404);
    expect((await call('alice', 'PUT', `/api/docs/${id}/organisation`, { ...AFFAIRS })).status).toBe(403);
    expect((await call('root', 'PUT', `/api/docs/${id}/organisation`, { org: 'lt-jgsw', orgKind: 'department', region: REGION })).status).toBe(200);
    expect((await call('bob', 'GET', `/api/docs/${id}`)).status).toBe(404);
    expect((await call('frank', 'GET', `/api/docs/${id}`)).status).toBe(200);
    const audit = (await call('dave', 'GET', `/api/docs/${id}/audit`)).body as { entries: Array<{ kind: string; before: unknown; after: unknown }> };
    expect(audit.entries).toEqual([expect.objectContaining({ kind: 'transfer', before: { ...OFFICE }, after: { ...AFFAIRS } })]);
  });

  it('closes the open sockets of people a transfer or a narrowed assignment puts out of reach (4404), and logs the transfer', async () => {
    const id = await create('alice');
    const bobContent = await openRawSocket(server.wsUrl, id, tokens.bob as string);
    const bobReview = await openRawSocket(server.wsUrl, id, tokens.bob as string, `${id}.review`);
    const daveContent = await openRawSocket(server.wsUrl, id, tokens.dave as string);
    expect((await call('gina', 'PUT', '/api/assignments/dave', { departments: ['lt-jgsw'] })).status).toBe(200);
    expect(await daveContent.closed).toBe(CLOSE_CODES.NO_ACCESS.code);
    expect((await call('root', 'PUT', `/api/docs/${id}/organisation`, { ...AFFAIRS })).status).toBe(200);
    expect(await bobContent.closed).toBe(CLOSE_CODES.NO_ACCESS.code);
    expect(await bobReview.closed).toBe(CLOSE_CODES.NO_ACCESS.code);
    // Frank's department now has it; the move is a line of its activity log.
    const access = (await call('frank', 'GET', `/api/docs/${id}/access`)).body as { activity: Array<{ action: string; user: { sub: string }; from?: string; to?: string }> };
    expect(access.activity.at(-1)).toMatchObject({ action: 'transfer', user: { sub: 'root' }, from: 'lt-zfb', to: 'lt-jgsw' });
    expect((await call('root', 'PUT', '/api/assignments/dave', { departments: null })).status).toBe(200);
  });

  it('offers for @mention only people seen signing in with an organisation that reaches the document', async () => {
    const id = await create('alice');
    for (const who of ['bob', 'olga', 'dave', 'gina', 'frank', 'root']) expect((await call(who, 'GET', '/api/docs')).status).toBe(200);
    const people = async () => ((await call('alice', 'GET', `/api/docs/${id}/access`)).body as { people: Array<{ sub: string; name: string }> }).people.map((p) => p.sub).sort();
    expect(await people()).toEqual(['alice', 'bob', 'dave', 'gina', 'olga']);
    // A comment mentions them by name, though none is a member; 孙八 (another department) is not mentionable.
    expect((await call('alice', 'POST', `/api/docs/${id}/comments`, { anchor: { project: 'p-reception' }, text: '@赵六 请审核，@孙八 无关' })).status).toBe(201);
    const threads = (await call('dave', 'GET', `/api/docs/${id}/comments`)).body as Array<{ comments: Array<{ mentions: string[] }> }>;
    expect(threads[0]?.comments[0]?.mentions).toEqual(['dave']);
    // Narrowed away from this department, the reviewer is no longer offered.
    expect((await call('gina', 'PUT', '/api/assignments/dave', { departments: ['lt-jgsw'] })).status).toBe(200);
    expect(await people()).toEqual(['alice', 'bob', 'gina', 'olga']);
    expect((await call('gina', 'PUT', '/api/assignments/dave', { departments: null })).status).toBe(200);
  });

  it('leaves returning and approving to the finance bureau, never to the side that wrote it', async () => {
    const id = await create('alice');
    expect((await call('bob', 'POST', `/api/docs/${id}/status`, { status: 'submitted' })).status).toBe(200);
    expect((await call('alice', 'POST', `/api/docs/${id}/status`, { status: 'approved' })).status).toBe(403);
    // A reviewer of the department itself is not the reviewing side.
    expect((await call('olga', 'POST', `/api/docs/${id}/status`, { status: 'approved' })).status).toBe(403);
    // Only the submitter withdraws.
    expect((await call('alice', 'POST', `/api/docs/${id}/status`, { status: 'draft' })).status).toBe(403);
    expect((await call('bob', 'POST', `/api/docs/${id}/status`, { status: 'draft' })).status).toBe(200);
    expect((await call('alice', 'POST', `/api/docs/${id}/status`, { status: 'submitted' })).status).toBe(200);
    expect((await call('dave', 'POST', `/api/docs/${id}/status`, { status: 'approved' })).status).toBe(200);
  });

  it('keeps the submitter from approving in a single-organisation deployment too', async () => {
    const id = await create('solo');
    expect((await call('solo', 'PUT', `/api/docs/${id}/members/sam`, { role: 'editor', name: '单机编辑' })).status).toBe(200);
    expect((await call('sam', 'POST', `/api/docs/${id}/status`, { status: 'submitted' })).status).toBe(200);
    expect((await call('solo', 'PUT', `/api/docs/${id}/members/sam`, { role: 'reviewer', name: '单机编辑' })).status).toBe(200);
    expect((await call('sam', 'POST', `/api/docs/${id}/status`, { status: 'approved' })).status).toBe(403);
    expect((await call('rita', 'POST', `/api/docs/${id}/status`, { status: 'approved' })).status).toBe(200);
    // Membership changes are audited (who, when, before → after), for owners and reviewers only.
    const audit = (await call('rita', 'GET', `/api/docs/${id}/audit`)).body as { entries: Array<{ kind: string; subject: string; before: unknown; after: unknown; by: { sub: string }; at: string }> };
    expect(audit.entries.map((e) => [e.kind, e.subject, e.by.sub, e.before, e.after])).toEqual([
      ['member', 'sam', 'solo', null, { role: 'editor', name: '单机编辑' }],
      ['member', 'sam', 'solo', { role: 'editor', name: '单机编辑' }, { role: 'reviewer', name: '单机编辑' }],
    ]);
    expect((await call('sam', 'GET', `/api/docs/${id}/audit`)).status).toBe(200);
    expect((await call('solo', 'GET', `/api/docs/${id}/grants`)).status).toBe(200);
  });
});
