import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LevelKvStore } from '../../server/storage/level-kv.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { HistoryRecorder } from '../../server/history/history-recorder.ts';
import { HistoryStore, type HistoryTarget } from '../../server/storage/history-store.ts';
import * as prng from 'lib0/prng';
import { indicatorsOf, projectsMap, setIndicatorField, setProjectField, toBudgetYDoc } from '../../shared/model/index.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { catchUp, pendingDeliveries, randomEdit, threeWriters } from '../helpers/concurrent-writers.ts';

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

  it('chains each cell from its first value to its last through random concurrent edits, delivered alone or merged', async () => {
    const store = new HistoryStore(db);
    const recorder = new HistoryRecorder(store);
    const server = toBudgetYDoc(makeSmallBudgetText());
    const start = Y.encodeStateAsUpdate(server);
    /** Every cell and project name as [target, value], read from a document. */
    const cellsOf = (doc: Y.Doc) => {
      const cells = new Map<string, unknown>();
      for (const [project, map] of projectsMap(doc)) {
        cells.set(JSON.stringify({ project, field: 'name' }), map.get('name'));
        for (const [indicator, row] of indicatorsOf(map)) for (const field of ['value', 'name', 'level1']) cells.set(JSON.stringify({ project, indicator, field }), row.get(field));
      }
      return cells;
    };
    const first = cellsOf(server);
    recorder.attach('doc1', server);
    const gen = prng.create(15);
    const writers = threeWriters(start, Y.encodeStateVector(server));
    for (let step = 0; step < 600; step++) {
      randomEdit(gen, writers, step);
      if (prng.uint32(gen, 0, 3) > 0) continue;
      for (const { sub, update } of pendingDeliveries(gen, writers)) Y.applyUpdate(server, update, from(sub, sub));
      catchUp(server, writers);
    }
    await recorder.flush();
    const blank = (v: unknown) => (v === '' || v === undefined ? null : v);
    let changes = 0;
    let lost = 0;
    for (const [key, last] of cellsOf(server)) {
      const entries = await store.list('doc1', JSON.parse(key) as HistoryTarget);
      lost += entries.filter((e) => e.overwritten).length;
      const chain = entries.filter((e) => !e.overwritten);
      changes += chain.length;
      const values = [first.get(key), ...chain.map((e) => e.after)].map(blank);
      expect(chain.map((e) => blank(e.before)), key).toEqual(values.slice(0, -1));
      expect(values.at(-1), key).toEqual(blank(last));
      for (const e of entries) expect(['alice', 'bob', 'carol']).toContain(e.user.sub);
      // Every recorded change changes something (a row added with empty cells records none for them).
      expect(chain.filter((e) => blank(e.before) === blank(e.after)), key).toEqual([]);
    }
    // The walk exercised what it is about: many changes, and writes lost to concurrent ones.
    expect(changes).toBeGreaterThan(200);
    expect(lost).toBeGreaterThan(5);
  });
});

describe('HistoryStore entries', () => {
  it('stores each entry as JSON.stringify would, whatever its values and whoever wrote it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jixiao-history-json-'));
    const db = new LevelKvStore(dir);
    await db.open();
    try {
      const store = new HistoryStore(db);
      const alice = { sub: 'alice"\\', name: '张三\n\u2028' };
      const target: HistoryTarget = { project: 'p1', indicator: 'r1', field: 'value' };
      const entries = [
        { at: '2026-12-05T01:02:03.004Z', user: alice, before: null, after: '≥95%' },
        { at: '2026-12-05T01:02:03.005Z', user: alice, before: '≥95%', after: 12.5, overwritten: true as const },
        { at: '2026-12-05T01:02:03.006Z', user: { sub: 'bob', name: '李四' }, before: 0, after: '"quoted" </script>', suggestedBy: { sub: 'r', name: '审核' } },
        { at: '2026-12-05T01:02:03.007Z', user: alice, before: '', after: null },
      ];
      await store.put('doc1', entries.map((entry) => ({ target, entry })));
      const stored: string[] = [];
      const prefix = 'v1!doc!doc1!h!c!p1!r1!value!';
      for await (const [key, value] of db.iterator({ gt: prefix, lt: `${prefix}~` })) stored.push(`${key.split('!').at(-2)} ${new TextDecoder().decode(value)}`);
      expect(stored).toEqual(entries.map((e) => `${Date.parse(e.at)} ${JSON.stringify(e)}`));
    } finally {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
