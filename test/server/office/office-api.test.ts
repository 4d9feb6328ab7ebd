import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFileBytes } from '../../../server/office/import-file-bytes.ts';
import type { BudgetText } from '../../../shared/model/budget-text-schema.ts';
import { writeBudgetDocx } from '../../../shared/office/index.ts';
import { writeBudgetXlsx } from '../../../server/office/write-budget-xlsx.ts';
import { badOfficeFiles } from '../../fixtures/office/bad-office-files.ts';
import { wordShapesDocx } from '../../fixtures/office/word-shapes-docx.ts';
import { makeSmallBudgetText } from '../../fixtures/small-budget-text.ts';
import { api, startTestServer, type TestServer } from '../../helpers/test-server.ts';
import { withoutIds } from '../../shared/office/office-fixtures.ts';

describe('office import and export over HTTP', () => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await startTestServer();
    token = await server.tokenFor('alice', 'owner');
  });
  afterAll(() => server.cleanup());

  const post = async (bytes: Uint8Array) => {
    const res = await fetch(`${server.url}/api/docs/import`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' }, body: bytes as Uint8Array<ArrayBuffer> });
    return { status: res.status, body: (await res.json()) as { id: string; report: { layout: string; projects: number }; error: { code: string; zh: string; en: string } } };
  };
  const listIds = async () => ((await api(server, 'GET', '/api/docs', { token })).body as { id: string }[]).map((d) => d.id).sort();
  const download = (path: string, auth = true) => fetch(server.url + path, { headers: auth ? { authorization: `Bearer ${token}` } : {} });

  it('imports a .docx and an .xlsx sent as bytes, recognised by content, into the same document', async () => {
    const small = makeSmallBudgetText();
    for (const [layout, bytes] of [['docx', await writeBudgetDocx(small)], ['xlsx', await writeBudgetXlsx(small)]] as const) {
      const { status, body } = await post(bytes);
      expect(status).toBe(201);
      expect(body.report).toMatchObject({ layout, projects: 2 });
      const doc = (await api(server, 'GET', `/api/docs/${body.id}`, { token })).body as BudgetText;
      expect(withoutIds(doc)).toEqual(withoutIds(small));
    }
    expect((await post(wordShapesDocx())).status).toBe(201);
  });

  it('refuses every bad kind with a bilingual error and creates nothing', async () => {
    const before = await listIds();
    for (const file of badOfficeFiles(await writeBudgetDocx(makeSmallBudgetText()))) {
      const { status, body } = await post(file.bytes);
      expect(status, file.kind).toBe(400);
      expect(body.error.zh, file.kind).toMatch(file.zh);
      expect(body.error.en, file.kind).toMatch(/[A-Za-z]{3}/);
    }
    expect(await listIds()).toEqual(before);
  });

  it('exports the current document and a saved version as .docx and .xlsx that import back to it', async () => {
    const small = makeSmallBudgetText();
    const id = ((await api(server, 'POST', '/api/docs', { token, body: small })).body as { id: string }).id;
    const vid = ((await api(server, 'POST', `/api/docs/${id}/versions`, { token, body: { label: '初稿' } })).body as { id: string }).id;
    for (const path of [`/api/docs/${id}/export`, `/api/docs/${id}/versions/${vid}/export`]) {
      for (const [format, type] of [['docx', 'wordprocessingml'], ['xlsx', 'spreadsheetml']] as const) {
        const res = await download(`${path}?format=${format}`);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toContain(type);
        const disposition = res.headers.get('content-disposition') ?? '';
        expect(disposition).toMatch(new RegExp(`^attachment; filename="jixiao_\\d{4}-\\d{2}-\\d{2}\\.${format}"; filename\\*=UTF-8''`));
        const name = decodeURIComponent(disposition.split("UTF-8''")[1] ?? '');
        expect(name).toMatch(new RegExp(`^乐亭县机关事务中心2025年部门预算绩效文本_\\d{4}-\\d{2}-\\d{2}\\.${format}$`));
        const back = await importFileBytes(new Uint8Array(await res.arrayBuffer()));
        if (!back.ok) throw back.error;
        expect(withoutIds(back.value.doc)).toEqual(withoutIds(small));
      }
    }
  });

  it('checks the caller and the request like reading the document does', async () => {
    const id = ((await api(server, 'POST', '/api/docs', { token, body: makeSmallBudgetText() })).body as { id: string }).id;
    expect((await download(`/api/docs/${id}/export?format=docx`, false)).status).toBe(401);
    const viewer = await server.tokenFor('vera', 'viewer');
    expect((await fetch(`${server.url}/api/docs/${id}/export?format=xlsx`, { headers: { authorization: `Bearer ${viewer}` } })).status).toBe(200);
    const badFormat = await download(`/api/docs/${id}/export?format=pdf`);
    expect(badFormat.status).toBe(400);
    expect(((await badFormat.json()) as { error: { zh: string } }).error.zh).toContain('format=docx');
    expect((await download('/api/docs/nosuchdoc/export?format=docx')).status).toBe(404);
    expect((await download(`/api/docs/${id}/versions/nosuchversion/export?format=docx`)).status).toBe(404);
  });
});
