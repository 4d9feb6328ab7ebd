import { afterEach, describe, expect, it } from 'vitest';
import { editText, setIndicatorField, toBudgetJson, type BudgetText } from '../../shared/model/index.ts';
import type { BudgetDiff } from '../../shared/diff/index.ts';
import { makeLargeBudgetText } from '../fixtures/make-large-budget-text.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/test-client.ts';
import { api, startTestServer } from '../helpers/test-server.ts';

type Version = { id: string; label: string; kind: string; author: { sub: string }; summary: { errors: number }; bytes: number };

describe('versions: snapshot, compare, restore', () => {
  const clients: TestClient[] = [];
  afterEach(() => clients.splice(0).forEach((c) => c.destroy()));

  async function setup(options: Parameters<typeof startTestServer>[0] = {}, text: BudgetText = makeSmallBudgetText()) {
    const server = await startTestServer(options);
    const token = await server.tokenFor('alice', 'owner', '张三');
    const { body } = await api(server, 'POST', '/api/docs', { token, body: text });
    return { server, token, id: (body as { id: string }).id };
  }

  it('saves a named version, lists it newest first, returns it, and compares it with the live document', async () => {
    const { server, token, id } = await setup();
    const v1 = (await api(server, 'POST', `/api/docs/${id}/versions`, { token, body: { label: '送审稿 第1版' } })).body as { id: string };
    const a = connectClient(server.wsUrl, id, token);
    clients.push(a);
    await a.synced;
    setIndicatorField(a.doc, 'p-reception', 'r-qty', 'value', '≥50批次');
    await a.acknowledged();
    const v2 = (await api(server, 'POST', `/api/docs/${id}/versions`, { token, body: { label: '第2版' } })).body as { id: string };
    const list = (await api(server, 'GET', `/api/docs/${id}/versions`, { token })).body as Version[];
    expect(list.map((v) => [v.id, v.label, v.kind, v.author.sub])).toEqual([
      [v2.id, '第2版', 'manual', 'alice'],
      [v1.id, '送审稿 第1版', 'manual', 'alice'],
    ]);
    expect(list[0]!.summary).toEqual({ errors: 0, warnings: 0, infos: 0 });
    expect((await api(server, 'GET', `/api/docs/${id}/versions/${v1.id}`, { token })).body).toEqual(makeSmallBudgetText());

    const diff = (await api(server, 'GET', `/api/docs/${id}/diff?from=${v1.id}&to=current`, { token })).body as BudgetDiff;
    expect(diff.changes).toEqual([{ kind: 'cell', project: 0, indicator: 0, field: 'value' }]);
    const cell = diff.projects[0]!.indicators[0]!.cells[0]!;
    expect([cell.before, cell.after]).toEqual(['≥45批次', '≥50批次']);
    const between = (await api(server, 'GET', `/api/docs/${id}/diff?from=${v1.id}&to=${v2.id}`, { token })).body as BudgetDiff;
    expect(between.changes).toEqual(diff.changes);
  });

  it('rejects bad labels, unknown versions and reviewers saving versions', async () => {
    const { server, token, id } = await setup();
    expect((await api(server, 'POST', `/api/docs/${id}/versions`, { token, body: { label: '' } })).status).toBe(400);
    expect((await api(server, 'POST', `/api/docs/${id}/versions`, { token, raw: 'nope' })).status).toBe(400);
    expect((await api(server, 'GET', `/api/docs/${id}/versions/zzzzzzzzzzz-aaaa`, { token })).status).toBe(404);
    expect((await api(server, 'GET', `/api/docs/${id}/diff?from=nope`, { token })).status).toBe(404);
    const reviewer = await server.tokenFor('dave', 'reviewer');
    expect((await api(server, 'POST', `/api/docs/${id}/versions`, { token: reviewer, body: { label: 'x' } })).status).toBe(403);
    expect((await api(server, 'GET', `/api/docs/nosuchdoc/versions`, { token })).status).toBe(404);
  });

  it('restores as a forward change while a colleague keeps typing: nobody is reset, nothing is lost, and the restore can be undone', async () => {
    const { server, token, id } = await setup();
    const v1 = (await api(server, 'POST', `/api/docs/${id}/versions`, { token, body: { label: '第1版' } })).body as { id: string };
    const a = connectClient(server.wsUrl, id, token);
    const b = connectClient(server.wsUrl, id, await server.tokenFor('bob', 'editor', '李四'));
    clients.push(a, b);
    await Promise.all([a.synced, b.synced]);
    setIndicatorField(a.doc, 'p-reception', 'r-qty', 'value', '≥1批次');
    setIndicatorField(a.doc, 'p-vehicles', 'v-qty', 'value', '≥2辆');
    await a.acknowledged();
    const aDocBefore = a.doc;

    // Bob types one character every 15 ms at the end of 工作保障措施, before, during and after the restore.
    let typed = 0;
    const typing = setInterval(() => {
      const len = b.doc.getText('safeguards').length;
      editText(b.doc, { section: 'safeguards' }, len, 0, String(typed++ % 10));
    }, 15);
    await waitFor(() => typed >= 10, 5_000, 'typing before the restore');
    const before = toBudgetJson(a.doc);
    const restored = await api(server, 'POST', `/api/docs/${id}/versions/${v1.id}/restore`, { token });
    expect(restored.status).toBe(200);
    const typedAtRestore = typed;
    await waitFor(() => typed >= typedAtRestore + 10, 5_000, 'typing after restore');
    clearInterval(typing);
    await b.acknowledged();
    await waitFor(() => JSON.stringify(toBudgetJson(a.doc)) === JSON.stringify(toBudgetJson(b.doc)), 5_000, 'convergence');

    const after = toBudgetJson(a.doc);
    expect(a.doc).toBe(aDocBefore);
    expect(after.projects[0]!.indicators[0]!.value).toBe('≥45批次');
    expect(after.projects[1]!.indicators[0]!.value).toBe('≥120辆');
    const tail = Array.from({ length: typed - typedAtRestore }, (_, k) => String((typedAtRestore + k) % 10)).join('');
    expect(after.overview.safeguards.endsWith(tail)).toBe(true);
    expect((await api(server, 'GET', `/api/docs/${id}`, { token })).body).toEqual(after);

    const pre = (await api(server, 'GET', `/api/docs/${id}/versions/${(restored.body as { id: string }).id}`, { token })).body as BudgetText;
    expect(pre.projects[0]!.indicators[0]!.value).toBe('≥1批次');
    expect(pre.overview.safeguards.startsWith(before.overview.safeguards)).toBe(true);
    const list = (await api(server, 'GET', `/api/docs/${id}/versions`, { token })).body as Version[];
    expect(list[0]).toMatchObject({ id: (restored.body as { id: string }).id, kind: 'restore' });

    await api(server, 'POST', `/api/docs/${id}/versions/${(restored.body as { id: string }).id}/restore`, { token });
    await waitFor(() => toBudgetJson(b.doc).projects[0]!.indicators[0]!.value === '≥1批次', 5_000, 'undo of the restore');
    expect(toBudgetJson(b.doc).overview.safeguards).toBe(pre.overview.safeguards);
  });

  it('takes an automatic version after edits go quiet, storing only what changed', async () => {
    const { server, token, id } = await setup({ autoSnapshot: { idleMs: 300, maxIntervalMs: 60_000, tickMs: 100 } }, makeLargeBudgetText(50, 30));
    await api(server, 'POST', `/api/docs/${id}/versions`, { token, body: { label: 'base' } });
    const a = connectClient(server.wsUrl, id, token);
    clients.push(a);
    await a.synced;
    const p = toBudgetJson(a.doc).projects[7]!;
    setIndicatorField(a.doc, p.id, p.indicators[3]!.id, 'value', '≥99%');
    await a.acknowledged();
    const auto = await waitFor(async () => ((await api(server, 'GET', `/api/docs/${id}/versions`, { token })).body as Version[]).find((v) => v.kind === 'auto'), 5_000, 'an automatic version');
    const full = JSON.stringify(toBudgetJson(a.doc)).length;
    expect(auto).toBeDefined();
    expect(auto.bytes).toBeLessThan(full / 10);
    expect(((await api(server, 'GET', `/api/docs/${id}/versions/${auto.id}`, { token })).body as BudgetText).projects[7]!.indicators[3]!.value).toBe('≥99%');
  });

  it('keeps versions across a restart', async () => {
    const { server, token, id } = await setup();
    const v = (await api(server, 'POST', `/api/docs/${id}/versions`, { token, body: { label: '留存' } })).body as { id: string };
    const again = await server.restart();
    const t2 = await again.tokenFor('alice', 'owner');
    expect(((await api(again, 'GET', `/api/docs/${id}/versions`, { token: t2 })).body as Version[]).map((x) => x.id)).toEqual([v.id]);
    expect((await api(again, 'GET', `/api/docs/${id}/versions/${v.id}`, { token: t2 })).body).toEqual(makeSmallBudgetText());
  });
});
