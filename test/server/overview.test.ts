import { beforeAll, describe, expect, it } from 'vitest';
import { signToken, type Identity } from '../../server/auth/tokens.ts';
import * as Y from 'yjs';
import { applyStoredUpdates } from '../../server/storage/apply-stored-updates.ts';
import { setIndicatorField } from '../../shared/model/index.ts';
import { putStatus, reviewDocName } from '../../shared/review/review-ydoc.ts';
import type { OverviewEvent, OverviewRow } from '../../shared/overview/overview-row.ts';
import { parseOverviewFrame } from '../../client/overview/overview-stream.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { connectClient, waitFor } from '../helpers/test-client.ts';
import { api, startTestServer, type TestServer } from '../helpers/test-server.ts';

const LAOTING = '130225';
const people: Record<string, Identity> = {
  alice: { sub: 'alice', name: '张三', role: 'owner', org: 'lt-zfb', orgKind: 'department', region: LAOTING },
  frank: { sub: 'frank', name: '孙八', role: 'owner', org: 'lt-jgsw', orgKind: 'department', region: LAOTING },
  dave: { sub: 'dave', name: '赵六', role: 'reviewer', org: 'lt-czj', orgKind: 'finance', region: LAOTING },
  gina: { sub: 'gina', name: '周九', role: 'owner', org: 'lt-czj', orgKind: 'finance', region: LAOTING },
  zoe: { sub: 'zoe', name: '遵化审核', role: 'reviewer', org: 'zh-czj', orgKind: 'finance', region: '130281' },
  root: { sub: 'root', name: '系统管理员', role: 'admin' },
};

/** The events of one overview stream as they arrive, read like the page reads them (fetch, Authorization header, the page's parser). */
async function openStream(server: TestServer, token: string): Promise<{ events: OverviewEvent[]; close: () => void; ended: () => boolean }> {
  const abort = new AbortController();
  const res = await fetch(`${server.url}/api/overview/events`, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal: abort.signal });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const events: OverviewEvent[] = [];
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let ended = false;
  void (async () => {
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return void (ended = true);
      buffer += decoder.decode(value, { stream: true });
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const event = parseOverviewFrame(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        if (event) events.push(event);
      }
    }
  })();
  return { events, close: () => abort.abort(), ended: () => ended };
}

describe('the finance bureau overview', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  const call = (who: string, method: string, path: string, body?: unknown) => api(server, method, path, { token: tokens[who], ...(body === undefined ? {} : { body }) });
  const overview = async (who: string) => {
    const res = await call(who, 'GET', '/api/overview');
    expect(res.status).toBe(200);
    return (res.body as { documents: OverviewRow[] }).documents;
  };
  const ids = async (who: string) => (await overview(who)).map((d) => d.id).sort();

  beforeAll(async () => {
    server = await startTestServer({ demo: true, overviewIntervalMs: 200 });
    for (const [sub, identity] of Object.entries(people)) tokens[sub] = await signToken(server.key, identity);
  });

  it('counts for every demo document what the validation and comment APIs say', async () => {
    const listed = (await call('dave', 'GET', '/api/docs')).body as Array<{ id: string; title: string }>;
    const first = listed[0]?.id as string;
    // Two threads, one resolved: one open thread more than before.
    const thread = async (text: string) => ((await call('dave', 'POST', `/api/docs/${first}/comments`, { anchor: {}, text })).body as { id: string }).id;
    await thread('请补充测算依据');
    expect((await call('dave', 'PATCH', `/api/docs/${first}/comments/${await thread('已核实')}`, { resolved: true })).status).toBe(200);

    const rows = await overview('dave');
    expect(rows.map((r) => r.id).sort()).toEqual(listed.map((d) => d.id).sort());
    expect(rows.length).toBe(4);
    for (const row of rows) {
      const validation = (await call('dave', 'GET', `/api/docs/${row.id}/validation`)).body as { summary: { errors: number; warnings: number } };
      const threads = (await call('dave', 'GET', `/api/docs/${row.id}/comments`)).body as Array<{ status: string }>;
      expect({ id: row.id, errors: row.errors, warnings: row.warnings, openThreads: row.openThreads }).toEqual({
        id: row.id,
        errors: validation.summary.errors,
        warnings: validation.summary.warnings,
        openThreads: threads.filter((t) => t.status === 'open').length,
      });
      expect(row.title).toBe(listed.find((d) => d.id === row.id)?.title);
      expect(row).toMatchObject({ status: 'draft', submittedAt: null, submittedVersion: null, updatedBy: expect.objectContaining({ name: expect.any(String) }) });
    }
    expect(rows.find((r) => r.id === first)?.openThreads).toBe(1);
    expect(rows.reduce((n, r) => n + r.errors + r.warnings, 0)).toBeGreaterThan(0);
  });

  it('lists only what each caller reaches: another region, a narrowed reviewer, a department, an admin', async () => {
    const all = await ids('dave');
    const zunhua = await ids('zoe');
    expect(zunhua).toHaveLength(1);
    expect(all).not.toContain(zunhua[0]);
    const own = await ids('frank');
    expect(own).toEqual(((await call('frank', 'GET', '/api/docs')).body as Array<{ id: string }>).map((d) => d.id).sort());
    expect(own).toHaveLength(1);
    expect(all).toContain(own[0]);
    expect(await ids('root')).toEqual([]);

    expect((await call('gina', 'PUT', '/api/assignments/dave', { departments: ['lt-jgsw'] })).status).toBe(200);
    expect(await ids('dave')).toEqual(own);
    expect((await call('gina', 'PUT', '/api/assignments/dave', { departments: null })).status).toBe(200);
    expect(await ids('dave')).toEqual(all);
    expect((await api(server, 'GET', '/api/overview')).status).toBe(401);
  });

  it('refuses the stream without Accept: text/event-stream, in Chinese and English', async () => {
    const res = await call('dave', 'GET', '/api/overview/events');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: expect.objectContaining({ code: 'INVALID_REQUEST', zh: expect.stringContaining('事件流'), en: expect.stringContaining('event stream') }) });
  });

  it('changes a row live when someone adds an error and when the document is submitted', async () => {
    const id = ((await call('alice', 'POST', '/api/docs', makeSmallBudgetText())).body as { id: string }).id;
    const client = connectClient(server.wsUrl, id, tokens['alice'] as string);
    await client.synced;
    // Nobody watches: the open document is not observed.
    expect(server.overview.observing).toEqual({ watchers: 0, documents: 0 });
    const stream = await openStream(server, tokens['dave'] as string);
    const latest = () => stream.events.filter((e) => e.type === 'row' && (e.data as OverviewRow).id === id).at(-1)?.data as OverviewRow | undefined;
    try {
      await waitFor(() => stream.events.length > 0, 10_000, 'the first overview');
      expect(stream.events[0]?.type).toBe('overview');
      const before = ((stream.events[0]?.data as { documents: OverviewRow[] }).documents.find((d) => d.id === id)) as OverviewRow;
      expect(before).toMatchObject({ errors: 0, status: 'draft', updatedBy: { sub: 'alice', name: '张三' } });

      expect(server.overview.observing).toEqual({ watchers: 1, documents: 1 });
      setIndicatorField(client.doc, 'p-reception', 'r-sat', 'value', '有所提高');
      await client.acknowledged();
      const edited = await waitFor(() => (latest()?.errors ?? 0) > 0 && latest(), 10_000, 'the row with the new error');
      const validation = (await call('dave', 'GET', `/api/docs/${id}/validation`)).body as { summary: { errors: number; warnings: number } };
      expect(edited).toMatchObject({ errors: validation.summary.errors, warnings: validation.summary.warnings, updatedBy: { sub: 'alice', name: '张三' } });
      expect(validation.summary.errors).toBeGreaterThan(0);
      expect((await overview('dave')).find((d) => d.id === id)).toMatchObject({ errors: validation.summary.errors, updatedBy: { sub: 'alice' } });

      setIndicatorField(client.doc, 'p-reception', 'r-sat', 'value', '≥95%');
      await client.acknowledged();
      await waitFor(() => latest()?.errors === 0, 10_000, 'the row without the error');
      const submitted = (await call('alice', 'POST', `/api/docs/${id}/status`, { status: 'submitted' })).body as { versionId: string };
      // The status and the submission (with its version) are written together: no row has one without the other.
      const row = await waitFor(() => latest()?.status === 'submitted' && latest(), 10_000, 'the submitted row');
      expect(row).toMatchObject({ submittedVersion: submitted.versionId, submittedAt: expect.any(String) });
      expect((await overview('dave')).find((d) => d.id === id)).toMatchObject({ status: 'submitted', submittedVersion: submitted.versionId });
    } finally {
      stream.close();
    }
    // The stream closed: nothing is observed any more, though the document is still open.
    await waitFor(() => server.overview.observing.watchers === 0, 10_000, 'the watcher to leave');
    expect(server.overview.observing).toEqual({ watchers: 0, documents: 0 });
    expect(server.hocuspocus.documents.has(id)).toBe(true);
    client.destroy();
  });

  it('finds who changed a document last in history written before the last-change key existed', async () => {
    const id = ((await call('frank', 'POST', '/api/docs', makeSmallBudgetText())).body as { id: string }).id;
    const entry = (at: string, sub: string, name: string) => new TextEncoder().encode(JSON.stringify({ at, user: { sub, name }, before: '', after: 'x' }));
    // Two entries as an older server wrote them: no v1!doc!<id>!h!last beside them.
    await server.store.db.batch([
      { type: 'put', key: `v1!doc!${id}!h!c!p-reception!r-qty!value!${String(Date.parse('2025-11-02T08:00:00.000Z')).padStart(13, '0')}!000001abcdef`, value: entry('2025-11-02T08:00:00.000Z', 'bob', '李四') },
      { type: 'put', key: `v1!doc!${id}!h!p!p-reception!budget.total!${String(Date.parse('2025-11-01T08:00:00.000Z')).padStart(13, '0')}!000002abcdef`, value: entry('2025-11-01T08:00:00.000Z', 'frank', '孙八') },
    ]);
    expect((await overview('frank')).find((d) => d.id === id)).toMatchObject({ updatedAt: '2025-11-02T08:00:00.000Z', updatedBy: { sub: 'bob', name: '李四' } });
    expect(await server.store.db.get(`v1!doc!${id}!h!last`)).toBeDefined();
  });

  it('reads afresh a document whose log holds changes its stored time does not show (another instance wrote them)', async () => {
    const id = ((await call('frank', 'POST', '/api/docs', makeSmallBudgetText())).body as { id: string }).id;
    expect((await overview('frank')).find((d) => d.id === id)?.status).toBe('draft');
    // As another instance sharing the store would: an update appended to the review document's log, not compacted.
    const review = new Y.Doc();
    applyStoredUpdates(review, (await server.store.loadUpdates(reviewDocName(id))) ?? []);
    const before = Y.encodeStateVector(review);
    putStatus(review, 'returned');
    await server.store.append(reviewDocName(id), Y.encodeStateAsUpdate(review, before));
    expect(server.hocuspocus.documents.has(reviewDocName(id))).toBe(false);
    expect((await overview('frank')).find((d) => d.id === id)?.status).toBe('returned');
  });

  it('shows a watcher a new document, and tells them when a document leaves their reach', async () => {
    const stream = await openStream(server, tokens['dave'] as string);
    try {
      await waitFor(() => stream.events.length > 0, 10_000, 'the first overview');
      const id = ((await call('frank', 'POST', '/api/docs', makeSmallBudgetText())).body as { id: string }).id;
      const added = await waitFor(() => stream.events.find((e) => e.type === 'row' && e.data.id === id), 10_000, 'the new row');
      expect(added.data).toMatchObject({ status: 'draft', errors: 0, updatedBy: { sub: 'frank', name: '孙八' } });
      // Moved to another region's department: the transfer is logged in its review document.
      expect((await call('root', 'PUT', `/api/docs/${id}/organisation`, { org: 'zh-jy', orgKind: 'department', region: '130281' })).status).toBe(200);
      await waitFor(() => stream.events.some((e) => e.type === 'remove' && (e.data as { id: string }).id === id), 10_000, 'the remove event');
    } finally {
      stream.close();
    }
  });

  it('ends a stream when its token expires, so the page reconnects with a fresh one', async () => {
    const stream = await openStream(server, await signToken(server.key, people['dave'] as Identity, 2));
    try {
      await waitFor(() => stream.events.length > 0, 10_000, 'the first overview');
      expect(server.overview.observing.watchers).toBeGreaterThan(0);
      await waitFor(() => stream.ended(), 6_000, 'the stream to end at the token’s expiry');
      await waitFor(() => server.overview.observing.watchers === 0, 5_000, 'the watcher to leave');
    } finally {
      stream.close();
    }
  });
});
