import { beforeAll, describe, expect, it } from 'vitest';
import type { BudgetText } from '../../shared/model/index.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { api, startTestServer, type TestServer } from '../helpers/test-server.ts';

type Report = { summary: { errors: number; warnings: number; infos: number; acknowledged: number }; findings: Array<{ ruleId: string; severity: string; place: Record<string, string>; acknowledged?: { by: { sub: string; name: string }; at: string } }> };

/** Two warnings (basis missing), one hint (vague value) and, unless `clean`, one error (satisfaction format). */
function withFindings(clean = false): BudgetText {
  const t = makeSmallBudgetText();
  const rows = t.projects[0]!.indicators;
  rows[4]!.value = '有所提高';
  rows[0]!.basis = '';
  rows[1]!.basis = '';
  if (!clean) rows[5]!.value = '有所提高';
  return t;
}

describe('已确认 marks on findings, and 撤回 of a submission', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    server = await startTestServer();
    tokens.owner = await server.tokenFor('alice', 'owner', '张三');
    tokens.editor = await server.tokenFor('bob', 'editor', '李四');
    tokens.reviewer = await server.tokenFor('dave', 'reviewer', '赵六');
  });
  const call = (who: string, method: string, path: string, body?: unknown) => api(server, method, path, { token: tokens[who], ...(body === undefined ? {} : { body }) });
  const newDoc = async (text: BudgetText) => ((await call('owner', 'POST', '/api/docs', text)).body as { id: string }).id;
  const report = async (id: string) => (await call('reviewer', 'GET', `/api/docs/${id}/validation`)).body as Report;
  const qtyBasis = { ruleId: 'R-ROW-BASIS-REQUIRED', place: { project: 'p-reception', indicator: 'r-qty', field: 'basis' } };

  it('records who marked a warning and when, shows it to everyone, lets anyone who edits take it back', async () => {
    const id = await newDoc(withFindings());
    expect((await report(id)).summary).toEqual({ errors: 1, warnings: 2, infos: 1, acknowledged: 0 });
    expect((await call('editor', 'POST', `/api/docs/${id}/acknowledgements`, qtyBasis)).status).toBe(201);
    const marked = await report(id);
    expect(marked.summary.acknowledged).toBe(1);
    const finding = marked.findings.find((f) => f.place['indicator'] === 'r-qty')!;
    expect(finding.acknowledged?.by).toEqual({ sub: 'bob', name: '李四' });
    expect(Date.parse(finding.acknowledged!.at)).not.toBeNaN();
    expect(marked.findings.find((f) => f.place['indicator'] === 'r-qual')!.acknowledged).toBeUndefined();
    // Reviewers see it but may not change it; the owner takes bob's mark back.
    expect((await call('reviewer', 'DELETE', `/api/docs/${id}/acknowledgements`, qtyBasis)).status).toBe(403);
    expect((await call('owner', 'DELETE', `/api/docs/${id}/acknowledgements`, qtyBasis)).status).toBe(200);
    expect((await report(id)).summary.acknowledged).toBe(0);
    expect((await call('owner', 'DELETE', `/api/docs/${id}/acknowledgements`, qtyBasis)).status).toBe(404);
  });

  it('refuses to mark an error, a finding the document does not have, or a malformed body, and changes nothing', async () => {
    const id = await newDoc(withFindings());
    const error = await call('editor', 'POST', `/api/docs/${id}/acknowledgements`, { ruleId: 'R-SAT-FORMAT', place: { project: 'p-reception', indicator: 'r-sat', field: 'value' } });
    expect(error.status).toBe(409);
    expect((error.body as { error: { zh: string; en: string } }).error.zh).toContain('错误不能标记为已确认');
    const gone = await call('editor', 'POST', `/api/docs/${id}/acknowledgements`, { ...qtyBasis, place: { ...qtyBasis.place, indicator: 'r-time' } });
    expect(gone.status).toBe(404);
    expect((await call('editor', 'POST', `/api/docs/${id}/acknowledgements`, { ruleId: 'nope', place: {} })).status).toBe(400);
    expect((await call('editor', 'POST', `/api/docs/${id}/acknowledgements`, { ...qtyBasis, extra: 1 })).status).toBe(400);
    expect((await report(id)).summary.acknowledged).toBe(0);
    // The error still blocks submission.
    expect((await call('editor', 'POST', `/api/docs/${id}/status`, { status: 'submitted' })).status).toBe(409);
  });

  it('lets the submitter withdraw until a reviewer acts, and no one else', async () => {
    const id = await newDoc(withFindings(true));
    expect((await call('editor', 'POST', `/api/docs/${id}/status`, { status: 'submitted' })).status).toBe(200);
    expect((await call('owner', 'POST', `/api/docs/${id}/status`, { status: 'draft' })).status).toBe(403);
    const back = await call('editor', 'POST', `/api/docs/${id}/status`, { status: 'draft' });
    expect(back.status).toBe(200);
    expect((back.body as { status: string }).status).toBe('draft');

    // Submitted again; once the reviewer comments, the submitter can no longer withdraw.
    expect((await call('editor', 'POST', `/api/docs/${id}/status`, { status: 'submitted' })).status).toBe(200);
    expect((await call('reviewer', 'POST', `/api/docs/${id}/comments`, { anchor: {}, text: '正在审核' })).status).toBe(201);
    const late = await call('editor', 'POST', `/api/docs/${id}/status`, { status: 'draft' });
    expect(late.status).toBe(403);
    expect((late.body as { error: { zh: string } }).error.zh).toContain('只有提交人可以撤回');
    expect(((await call('owner', 'GET', `/api/docs/${id}/access`)).body as { status: string }).status).toBe('submitted');
  });

  it('refuses a withdrawal when a reviewer comments while it waits for the edits under way, and takes no version', async () => {
    const id = await newDoc(withFindings(true));
    expect((await call('editor', 'POST', `/api/docs/${id}/status`, { status: 'submitted' })).status).toBe(200);
    const versions = async () => ((await call('owner', 'GET', `/api/docs/${id}/versions`)).body as unknown[]).length;
    const before = await versions();
    // The withdrawal passed its first check and holds the content; the reviewer's comment (to the
    // review document, which the hold does not cover) lands while it waits for edits under way.
    const settled = server.writes.settled.bind(server.writes);
    let commented = 0;
    server.writes.settled = async (name: string) => {
      if (name === id && commented++ === 0) expect((await call('reviewer', 'POST', `/api/docs/${id}/comments`, { anchor: {}, text: '正在审核' })).status).toBe(201);
      return settled(name);
    };
    try {
      const late = await call('editor', 'POST', `/api/docs/${id}/status`, { status: 'draft' });
      expect(commented).toBe(1);
      expect(late.status).toBe(403);
      expect((late.body as { error: { zh: string; en: string } }).error).toMatchObject({ zh: expect.stringContaining('只有提交人可以撤回'), en: expect.stringContaining('commented') });
    } finally {
      server.writes.settled = settled;
    }
    expect(((await call('owner', 'GET', `/api/docs/${id}/access`)).body as { status: string }).status).toBe('submitted');
    expect(await versions()).toBe(before);
  });
});
