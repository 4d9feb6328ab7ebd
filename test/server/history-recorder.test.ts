import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LevelKvStore } from '../../server/storage/level-kv.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { HistoryRecorder } from '../../server/history/history-recorder.ts';
import { HistoryStore } from '../../server/storage/history-store.ts';
import { setIndicatorField, setProjectField, toBudgetYDoc } from '../../shared/model/index.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';

const from = (sub: string, name: string) => ({ source: 'connection', connection: { context: { user: { sub, name, role: 'editor', color: '' } } } });

describe('HistoryRecorder on a real LevelDB', () => {
  let dir = '';
  let db: LevelKvStore;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jixiao-history-'));
    db = new LevelKvStore(dir);
    await db.open();
  });
  afterEach(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('records a write that lost to a concurrent one on arrival, marked overwritten, with its author', async () => {
    const store = new HistoryStore(db);
    const recorder = new HistoryRecorder(store);
    const server = toBudgetYDoc(makeSmallBudgetText());
    const alice = new Y.Doc();
    alice.clientID = 2_000_000;
    const bob = new Y.Doc();
    bob.clientID = 1_000_000;
    Y.applyUpdate(alice, Y.encodeStateAsUpdate(server));
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(server));
    recorder.attach('doc1', server);
    setIndicatorField(alice, 'p-reception', 'r-qual', 'value', '=99%');
    setIndicatorField(bob, 'p-reception', 'r-qual', 'value', '=98%');
    setProjectField(alice, 'p-vehicles', 'name', '甲');
    setProjectField(bob, 'p-vehicles', 'name', '乙');
    Y.applyUpdate(server, Y.encodeStateAsUpdate(alice, Y.encodeStateVector(server)), from('alice', '张三'));
    Y.applyUpdate(server, Y.encodeStateAsUpdate(bob, Y.encodeStateVector(server)), from('bob', '李四'));
    await recorder.flush();
    expect(await store.list('doc1', { project: 'p-reception', indicator: 'r-qual', field: 'value' })).toEqual([
      { at: expect.any(String), user: { sub: 'alice', name: '张三' }, before: '=100%', after: '=99%' },
      { at: expect.any(String), user: { sub: 'bob', name: '李四' }, before: '=99%', after: '=98%', overwritten: true },
    ]);
    expect((await store.list('doc1', { project: 'p-vehicles', field: 'name' })).map((e) => [e.user.sub, e.after, e.overwritten ?? false])).toEqual([
      ['alice', '甲', false],
      ['bob', '乙', true],
    ]);
  });

  it('does not mark a value its own author replaced in the same update', async () => {
    const store = new HistoryStore(db);
    const recorder = new HistoryRecorder(store);
    const server = toBudgetYDoc(makeSmallBudgetText());
    const bob = new Y.Doc();
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(server));
    recorder.attach('doc1', server);
    const sv = Y.encodeStateVector(server);
    setIndicatorField(bob, 'p-reception', 'r-qty', 'value', '≥46批次');
    setIndicatorField(bob, 'p-reception', 'r-qty', 'value', '≥47批次');
    Y.applyUpdate(server, Y.encodeStateAsUpdate(bob, sv), from('bob', '李四'));
    await recorder.flush();
    expect((await store.list('doc1', { project: 'p-reception', indicator: 'r-qty', field: 'value' })).map((e) => [e.after, e.overwritten ?? false])).toEqual([['≥47批次', false]]);
  });
});
