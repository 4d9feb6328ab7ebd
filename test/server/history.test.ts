import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addIndicator, addProject, editText, setBudget, setIndicatorField, toBudgetJson } from '../../shared/model/index.ts';
import type { HistoryEntry } from '../../server/storage/history-store.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/test-client.ts';
import { api, startTestServer } from '../helpers/test-server.ts';

describe('per-cell history, attributed by the server', () => {
  const clients: TestClient[] = [];
  afterEach(() => clients.splice(0).forEach((c) => c.destroy()));

  async function setup(clientIds: { alice?: number; bob?: number } = {}) {
    const server = await startTestServer();
    const token = await server.tokenFor('alice', 'owner', '张三');
    const { body } = await api(server, 'POST', '/api/docs', { token, body: makeSmallBudgetText() });
    const id = (body as { id: string }).id;
    const docWithClient = (clientID?: number) => {
      const doc = new Y.Doc();
      if (clientID !== undefined) doc.clientID = clientID;
      return doc;
    };
    const a = connectClient(server.wsUrl, id, token, { doc: docWithClient(clientIds.alice) });
    const b = connectClient(server.wsUrl, id, await server.tokenFor('bob', 'editor', '李四'), { doc: docWithClient(clientIds.bob) });
    clients.push(a, b);
    await Promise.all([a.synced, b.synced]);
    const history = async (query: string) => (await api(server, 'GET', `/api/docs/${id}/history?${query}`, { token })).body as HistoryEntry[];
    return { server, token, id, a, b, history };
  }

  it('records every value of a cell with who set it and when, whatever the client claims', async () => {
    const { a, b, history } = await setup();
    a.provider.awareness!.setLocalStateField('user', { sub: 'mallory', name: '冒充者' });
    setIndicatorField(a.doc, 'p-reception', 'r-qty', 'value', '≥50批次');
    await a.acknowledged();
    await waitFor(() => toBudgetJson(b.doc).projects[0]!.indicators[0]!.value === '≥50批次');
    setIndicatorField(b.doc, 'p-reception', 'r-qty', 'value', '≥55批次');
    await b.acknowledged();
    // History is written in the background, shortly after the edit is acknowledged.
    const entries = await waitFor(async () => {
      const list = await history('project=p-reception&indicator=r-qty&field=value');
      return list.length >= 2 && list;
    }, 5_000, 'two history entries');
    expect(entries.map((e) => [e.user.sub, e.user.name, e.before, e.after])).toEqual([
      ['alice', '张三', '≥45批次', '≥50批次'],
      ['bob', '李四', '≥50批次', '≥55批次'],
    ]);
    expect(Date.parse(entries[0]!.at)).toBeLessThanOrEqual(Date.parse(entries[1]!.at));
  });

  it('records both sides of two simultaneous writes of one cell with the right authors', async () => {
    const { a, b, history } = await setup();
    setIndicatorField(a.doc, 'p-reception', 'r-qual', 'value', '=99%');
    setIndicatorField(b.doc, 'p-reception', 'r-qual', 'value', '=98%');
    await Promise.all([a.acknowledged(), b.acknowledged()]);
    await waitFor(() => JSON.stringify(toBudgetJson(a.doc)) === JSON.stringify(toBudgetJson(b.doc)), 5_000);
    const winner = toBudgetJson(a.doc).projects[0]!.indicators[1]!.value;
    const entries = await waitFor(async () => {
      const list = await history('project=p-reception&indicator=r-qual&field=value');
      return list.length >= 2 && list;
    }, 5_000, 'both sides in the history');
    expect(entries.map((e) => `${e.user.sub}:${e.after}`).sort()).toEqual(['alice:=99%', 'bob:=98%']);
    // The last entry is the value that stands, unless the loser arrived last (then it is marked).
    const last = entries[entries.length - 1]!;
    expect(last.after === winner || last.overwritten === true).toBe(true);
  });

  it('records header fields and narrative sections (typing coalesced per person)', async () => {
    const { a, history } = await setup();
    setBudget(a.doc, 'p-vehicles', 'total', 9);
    for (const ch of '补充一句') editText(a.doc, { section: 'safeguards' }, a.doc.getText('safeguards').length, 0, ch);
    await a.acknowledged();
    const [budget, section] = await waitFor(async () => {
      const found = await Promise.all([history('project=p-vehicles&field=budget.total'), history('section=safeguards')]);
      // A flush can fall between the four keystrokes: wait for the entry that holds them all.
      return found[0]!.length >= 1 && found[1]!.at(-1)?.after === '加强预算管理，严格执行财务制度。补充一句' && found;
    }, 5_000, 'header and section history');
    expect(budget.map((e) => [e.user.sub, e.before, e.after])).toEqual([['alice', 8.5, 9]]);
    expect(section).toHaveLength(1);
    expect(section[0]).toMatchObject({ before: '加强预算管理，严格执行财务制度。', after: '加强预算管理，严格执行财务制度。补充一句' });
  });

  it('records a deletion-only edit of a text, and a project added whole with the values it brings', async () => {
    const { a, b, history } = await setup();
    const purpose = toBudgetJson(b.doc).projects.find((p) => p.id === 'p-vehicles')!.purpose;
    // Backspace only: the update carries a deletion and no new content.
    editText(b.doc, { project: 'p-vehicles', field: 'purpose' }, 0, 2, '');
    await b.acknowledged();
    const projectId = addProject(a.doc, { name: '新项目', purpose: '新项目的用途', budget: { total: 5, fiscal: null, other: null } });
    const rowId = addIndicator(a.doc, projectId, { name: '新指标', value: '≥1次' })!;
    await a.acknowledged();
    const [deleted, total, name, basis] = await waitFor(async () => {
      const found = await Promise.all([
        history('project=p-vehicles&field=purpose'),
        history(`project=${projectId}&field=budget.total`),
        history(`project=${projectId}&indicator=${rowId}&field=name`),
        history(`project=${projectId}&indicator=${rowId}&field=basis`),
      ]);
      return found[0]!.length >= 1 && found[1]!.length >= 1 && found[2]!.length >= 1 && found;
    }, 5_000, 'the deletion and the new project in the history');
    expect(deleted.map((e) => [e.user.sub, e.before, e.after])).toEqual([['bob', purpose, purpose.slice(2)]]);
    expect(total.map((e) => [e.user.sub, e.before, e.after])).toEqual([['alice', null, 5]]);
    expect(name.map((e) => [e.user.sub, e.before, e.after])).toEqual([['alice', null, '新指标']]);
    // Empty cells of a new row are not history, nor is the text a project was added with.
    expect(basis).toEqual([]);
    expect(await history(`project=${projectId}&field=purpose`)).toEqual([]);
  });

  it('rejects malformed history queries', async () => {
    const { server, token, id } = await setup();
    expect((await api(server, 'GET', `/api/docs/${id}/history?project=a!b&field=x`, { token })).status).toBe(400);
    expect((await api(server, 'GET', `/api/docs/${id}/history`, { token })).status).toBe(400);
  });
});
