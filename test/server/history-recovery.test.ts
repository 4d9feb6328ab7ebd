import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { HistoryRecorder } from '../../server/history/history-recorder.ts';
import { recoverHistory } from '../../server/history/history-recovery.ts';
import { DocStore, type LogAuthor } from '../../server/storage/doc-store.ts';
import { HistoryStore } from '../../server/storage/history-store.ts';
import { LevelKvStore } from '../../server/storage/level-kv.ts';
import * as prng from 'lib0/prng';
import { editText, indicatorsOf, projectsMap, removeIndicator, setBudget, setIndicatorField, toBudgetYDoc } from '../../shared/model/index.ts';
import type { HistoryTarget } from '../../server/storage/history-store.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { catchUp, pendingDeliveries, randomEdit, threeWriters, type Delivery } from '../helpers/concurrent-writers.ts';

const summary = { title: '测试', year: 2025, department: { code: '001', name: '县财政局', region: null } };
const NAMES: Record<string, string> = { alice: '张三', bob: '李四', carol: '王五', rita: '审核员' };
const nameOf = async (sub: string) => NAMES[sub] ?? null;
const qty = { project: 'p-reception', indicator: 'r-qty', field: 'value' };

describe('history recovered from the update log after a kill (LevelDB)', () => {
  let dir = '';
  let db: LevelKvStore;
  let store: DocStore;
  let history: HistoryStore;
  let live: Y.Doc;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jixiao-recovery-'));
    db = new LevelKvStore(dir);
    store = new DocStore(db);
    await store.open();
    history = new HistoryStore(db, (ops) => store.putWithNextCommit(ops));
    live = toBudgetYDoc(makeSmallBudgetText());
    await store.createDoc('d1', Y.encodeStateAsUpdate(live), summary);
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** As the server takes an update: appended (synced) under its author, then applied to the live document. */
  async function receive(author: LogAuthor | undefined, change: (doc: Y.Doc) => void): Promise<void> {
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(live));
    const before = Y.encodeStateVector(client);
    change(client);
    const update = Y.encodeStateAsUpdate(client, before);
    await store.append('d1', update, author);
    const user = author && { sub: author.sub, name: NAMES[author.sub] };
    const suggestedBy = author?.by ? { sub: author.by, name: NAMES[author.by] } : undefined;
    Y.applyUpdate(live, update, suggestedBy ? { source: 'local', context: { user, suggestedBy } } : { source: 'connection', connection: { context: { user } } });
  }

  it('records each update beyond the mark once, credited to its logged author and dated by its key', async () => {
    const recorder = new HistoryRecorder(history, { flushMs: 60_000, coveredSeq: (id) => store.durableSeq(id) });
    recorder.attach('d1', live);
    await receive({ sub: 'alice' }, (d) => setIndicatorField(d, 'p-reception', 'r-qty', 'value', '≥50批次'));
    await recorder.flush();
    expect(await history.mark('d1')).toBe(1);

    // Synced and applied, but the server dies before the recorder's next batch.
    const t0 = Date.now();
    await receive({ sub: 'alice' }, (d) => setIndicatorField(d, 'p-reception', 'r-qty', 'value', '≥55批次'));
    for (const ch of '再补充') await receive({ sub: 'bob' }, (d) => editText(d, { section: 'safeguards' }, d.getText('safeguards').length, 0, ch));
    await receive({ sub: 'carol', by: 'rita' }, (d) => setBudget(d, 'p-vehicles', 'total', 9));
    // No author logged (a migration on load): it changes the document, and no one's history.
    await receive(undefined, (d) => setIndicatorField(d, 'p-reception', 'r-qual', 'value', '=97%'));
    const t1 = Date.now();
    expect(await history.list('d1', qty)).toHaveLength(1);

    const reopened = new DocStore(db);
    expect(await recoverHistory({ history, nameOf, appendedSeq: (id) => reopened.durableSeq(id) }, 'd1', (await reopened.loadLog('d1'))!)).toBe(5);
    const cell = await history.list('d1', qty);
    expect(cell.map((e) => [e.user.sub, e.user.name, e.before, e.after])).toEqual([
      ['alice', '张三', '≥45批次', '≥50批次'],
      ['alice', '张三', '≥50批次', '≥55批次'],
    ]);
    expect(Date.parse(cell[1]!.at)).toBeGreaterThanOrEqual(t0);
    expect(Date.parse(cell[1]!.at)).toBeLessThanOrEqual(t1);
    // Three keystrokes, one entry, as live typing is recorded.
    expect((await history.list('d1', { section: 'safeguards' })).map((e) => [e.user.name, e.before, e.after])).toEqual([
      ['李四', '加强预算管理，严格执行财务制度。', '加强预算管理，严格执行财务制度。再补充'],
    ]);
    expect(await history.list('d1', { project: 'p-vehicles', field: 'budget.total' })).toEqual([
      { at: expect.any(String), user: { sub: 'carol', name: '王五' }, before: 8.5, after: 9, suggestedBy: { sub: 'rita', name: '审核员' } },
    ]);
    expect(await history.list('d1', { project: 'p-reception', indicator: 'r-qual', field: 'value' })).toEqual([]);
    expect(await history.mark('d1')).toBe(7);
    // The overview's last change is the last recovered edit's time, not the recovery's.
    const last = await history.lastChange('d1');
    expect(last).toMatchObject({ user: { sub: 'carol' } });
    expect(Date.parse(last!.at)).toBeLessThanOrEqual(t1);

    // A second load (a second kill before anything else was written) records nothing again.
    expect(await recoverHistory({ history, nameOf, appendedSeq: () => undefined }, 'd1', (await new DocStore(db).loadLog('d1'))!)).toBe(0);
    expect(await history.list('d1', qty)).toHaveLength(2);
  });

  it('takes nothing this process appended for lost (a document closed and opened again before its batch was written)', async () => {
    const recorder = new HistoryRecorder(history, { flushMs: 60_000, coveredSeq: (id) => store.durableSeq(id) });
    recorder.attach('d1', live);
    await receive({ sub: 'alice' }, (d) => setIndicatorField(d, 'p-reception', 'r-qty', 'value', '≥50批次'));
    expect(await recoverHistory({ history, nameOf, appendedSeq: (id) => store.durableSeq(id) }, 'd1', (await store.loadLog('d1'))!)).toBe(0);
    await recorder.flush();
    expect((await history.list('d1', qty)).map((e) => e.after)).toEqual(['≥50批次']);
  });

  it('moves the mark past updates that bring no history entry, so they are never replayed', async () => {
    const recorder = new HistoryRecorder(history, { flushMs: 60_000, coveredSeq: (id) => store.durableSeq(id) });
    recorder.attach('d1', live);
    await receive({ sub: 'alice' }, (d) => setIndicatorField(d, 'p-reception', 'r-qty', 'value', '≥50批次'));
    await receive({ sub: 'bob' }, (d) => removeIndicator(d, 'p-vehicles', 'v-sat'));
    await recorder.flush();
    expect(await history.mark('d1')).toBe(2);
    expect(await recoverHistory({ history, nameOf, appendedSeq: () => undefined }, 'd1', (await new DocStore(db).loadLog('d1'))!)).toBe(0);
  });

  it('hands the history a compaction folds to the store before the fold', async () => {
    const recorder = new HistoryRecorder(history, { flushMs: 60_000, coveredSeq: (id) => store.durableSeq(id) });
    store.onBeforeFold(() => recorder.handOver());
    recorder.attach('d1', live);
    await receive({ sub: 'alice' }, (d) => setIndicatorField(d, 'p-reception', 'r-qty', 'value', '≥50批次'));
    await store.compact('d1');
    // The log is folded away, so nothing could be recovered from it: the history is already stored.
    expect(await store.hasLog('d1')).toBe(false);
    expect((await history.list('d1', qty)).map((e) => e.after)).toEqual(['≥50批次']);
    expect(await history.mark('d1')).toBe(1);
  });

  it('rebuilds from the log, after a kill at any point, exactly the history a server that was never killed records', async () => {
    // One random walk of three writers (concurrent writes of one cell, rows and projects added
    // and removed, updates delivered alone or merged), delivered to two servers: one records
    // everything; the other writes a batch now and then and is killed, then recovers from its log.
    const gen = prng.create(19);
    const start = Y.encodeStateAsUpdate(live);
    const writers = threeWriters(start, Y.encodeStateVector(live));
    const hub = new Y.Doc();
    Y.applyUpdate(hub, start);
    const deliveries: Delivery[] = [];
    for (let step = 0; step < 400; step++) {
      randomEdit(gen, writers, step);
      if (prng.uint32(gen, 0, 2) > 0) continue;
      for (const d of pendingDeliveries(gen, writers)) {
        Y.applyUpdate(hub, d.update);
        deliveries.push(d);
      }
      catchUp(hub, writers);
    }

    // The server that is never killed, on a store of its own.
    const refDir = await mkdtemp(join(tmpdir(), 'jixiao-recovery-ref-'));
    const refDb = new LevelKvStore(refDir);
    await refDb.open();
    const refHistory = new HistoryStore(refDb);
    const refDoc = new Y.Doc();
    Y.applyUpdate(refDoc, start);
    const reference = new HistoryRecorder(refHistory);
    reference.attach('d1', refDoc);
    for (const { sub, update } of deliveries) Y.applyUpdate(refDoc, update, { source: 'connection', connection: { context: { user: { sub, name: NAMES[sub] } } } });
    await reference.flush();

    // The server that is killed: batches at random moments, none after the last one.
    const recorder = new HistoryRecorder(history, { flushMs: 60_000, coveredSeq: (id) => store.durableSeq(id) });
    recorder.attach('d1', live);
    const killAt = Math.floor(deliveries.length * 0.6);
    let written = 0;
    for (const [i, { sub, update }] of deliveries.entries()) {
      // The update as sent (a copy of the document would re-encode a value lost on arrival as deleted content).
      await store.append('d1', update, { sub });
      Y.applyUpdate(live, update, { source: 'connection', connection: { context: { user: { sub, name: NAMES[sub] } } } });
      if (i < killAt && prng.uint32(gen, 0, 9) === 0) {
        await recorder.flush();
        written = i + 1;
      }
    }
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(deliveries.length);
    const recovered = await recoverHistory({ history, nameOf, appendedSeq: () => undefined }, 'd1', (await new DocStore(db).loadLog('d1'))!);
    expect(recovered).toBe(deliveries.length - written);

    const targets = new Set<string>();
    for (const [project, map] of projectsMap(refDoc)) {
      targets.add(JSON.stringify({ project, field: 'name' }));
      for (const indicator of indicatorsOf(map).keys()) for (const field of ['value', 'name']) targets.add(JSON.stringify({ project, indicator, field }));
    }
    const shape = (entries: Awaited<ReturnType<HistoryStore['list']>>) => entries.map((e) => [e.user.sub, e.user.name, e.before, e.after, e.overwritten ?? false]);
    let compared = 0;
    for (const key of targets) {
      const target = JSON.parse(key) as HistoryTarget;
      const expected = shape(await refHistory.list('d1', target));
      compared += expected.length;
      expect(shape(await history.list('d1', target)), key).toEqual(expected);
    }
    expect(compared).toBeGreaterThan(100);
    await refDb.close();
    await rm(refDir, { recursive: true, force: true });
  });
});
