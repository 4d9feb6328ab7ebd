import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ClientIdRegistry } from '../../server/collab/client-id-registry.ts';
import { DocStore } from '../../server/storage/doc-store.ts';
import { HistoryStore } from '../../server/storage/history-store.ts';
import { ASSIGNMENT_SCOPE, OrgStore, type AuditEntry } from '../../server/storage/org-store.ts';
import { OrgService } from '../../server/orgs/org-service.ts';
import { prefixEnd } from '../../server/storage/kv-store.ts';
import { VersionStore } from '../../server/storage/version-store.ts';
import { setIndicatorField, toBudgetJson, toBudgetYDoc } from '../../shared/model/index.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { storageBackends } from '../helpers/storage-backends.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array | undefined) => (b === undefined ? undefined : new TextDecoder().decode(b));
const all = async <T>(it: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
};
const summary = { title: '测试', year: 2025, department: { code: '001', name: '县财政局', region: null } };

/** A document rebuilt from what the store returns, as the server loads it. */
async function loaded(store: DocStore, id: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const u of (await store.loadUpdates(id)) ?? []) Y.applyUpdate(doc, u);
  return doc;
}

// The same suite on both backends: every store of the server runs on either.
describe.each(storageBackends())('storage on $name', (backend) => {
  beforeAll(() => backend.setUp(), 60_000);
  afterAll(() => backend.tearDown());

  it('reads back puts, batches and deletes; a batch keeps the last write of a key', async () => {
    const kv = await backend.fresh();
    await kv.put('v1!a', bytes('1'), { sync: true });
    await kv.batch([
      { type: 'put', key: 'v1!b', value: bytes('2') },
      { type: 'put', key: 'v1!c', value: bytes('x') },
      { type: 'del', key: 'v1!c' },
      { type: 'put', key: 'v1!d', value: bytes('4') },
      { type: 'put', key: 'v1!d', value: bytes('5') },
    ]);
    await kv.del('v1!a');
    await kv.del('v1!never');
    expect((await kv.getMany(['v1!a', 'v1!b', 'v1!c', 'v1!d'])).map(text)).toEqual([undefined, '2', undefined, '5']);
    expect(await kv.get('v1!zzz')).toBeUndefined();
    expect(await kv.getMany([])).toEqual([]);
  });

  it('iterates a range in byte order, forward and reversed, with bounds and limits, past one page', async () => {
    const kv = await backend.fresh();
    const keys = Array.from({ length: 600 }, (_, i) => `v1!doc!d!u!${i.toString(16).padStart(16, '0')}`);
    // Byte order, not a locale's: upper case before lower, '!' before letters, CJK after ASCII.
    const odd = ['v1!doc!d!A', 'v1!doc!d!a', 'v1!doc!d!!', 'v1!doc!d!文', 'v1!doc!e'];
    await kv.batch([...keys, ...odd].map((key) => ({ type: 'put' as const, key, value: bytes(key) })));
    const prefix = 'v1!doc!d!';
    const forward = await all(kv.keys({ gt: prefix, lt: prefixEnd(prefix) }));
    expect(forward).toEqual([...keys, ...odd.slice(0, 4)].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
    expect(forward.slice(0, 2)).toEqual(['v1!doc!d!!', 'v1!doc!d!A']);
    expect(forward.at(-1)).toBe('v1!doc!d!文');
    expect(await all(kv.keys({ gt: prefix, lt: prefixEnd(prefix), reverse: true }))).toEqual([...forward].reverse());
    expect(await all(kv.keys({ gte: keys[10], lte: keys[12] }))).toEqual(keys.slice(10, 13));
    expect(await all(kv.keys({ gt: keys[10], lt: keys[12] }))).toEqual([keys[11]]);
    expect(await all(kv.keys({ gt: 'v1!doc!d!u!', lt: prefixEnd('v1!doc!d!u!'), reverse: true, limit: 300 }))).toEqual(keys.slice(300).reverse());
    const entries = await all(kv.iterator({ gte: keys[0], limit: 3 }));
    expect(entries.map(([k, v]) => [k, text(v)])).toEqual(keys.slice(0, 3).map((k) => [k, k]));
    expect((await all(kv.values({ gt: 'v1!doc!d!u!', lt: prefixEnd('v1!doc!d!u!') }))).length).toBe(600);
  });

  it('lets one holder at a time take a named lock, and frees it afterwards', async () => {
    const kv = await backend.fresh();
    const other = await backend.share(kv);
    let inner: unknown;
    const outer = await kv.withLock('compact:d1', async () => {
      inner = await other.withLock('compact:d1', async () => 'second');
      return (await other.withLock('compact:d2', async () => 'other name')) as unknown;
    });
    expect(inner).toEqual({ locked: false });
    expect(outer).toEqual({ locked: true, value: { locked: true, value: 'other name' } });
    expect(await other.withLock('compact:d1', async () => 'later')).toEqual({ locked: true, value: 'later' });
    await expect(kv.withLock('x', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await other.withLock('x', async () => 1)).toEqual({ locked: true, value: 1 });
  });

  it('runs many lock sections at once, each with its own queries and a lock inside, to the end', async () => {
    // A stop closing hundreds of documents locks each to fold or refresh it and to take its
    // version. On PostgreSQL every held lock kept a connection of the pool while its section
    // waited for another one: with as many sections as connections, nothing moved again.
    const kv = await backend.fresh();
    const sections = Array.from({ length: 40 }, (_, i) =>
      kv.withLock(`compact:d${i}`, async () => {
        await kv.put(`k${i}`, bytes(`v${i}`));
        const inner = await kv.withLock(`snapshot:d${i}`, async () => text(await kv.get(`k${i}`)));
        await kv.batch([{ type: 'put', key: `k${i}!b`, value: bytes('b') }]);
        return inner;
      }),
    );
    const results = await Promise.race([Promise.all(sections), new Promise<'stuck'>((resolve) => setTimeout(() => resolve('stuck'), 15_000))]);
    expect(results).toEqual(Array.from({ length: 40 }, (_, i) => ({ locked: true, value: { locked: true, value: `v${i}` } })));
  });

  it('rebuilds a document from its base and log, before and after compaction, with updates appended meanwhile', async () => {
    const store = new DocStore(await backend.fresh());
    const source = toBudgetYDoc(makeSmallBudgetText());
    await store.createDoc('d1', Y.encodeStateAsUpdate(source), summary);
    const updates: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 30; i++) setIndicatorField(source, 'p-reception', 'r-qual', 'value', `≥${i}%`);
    await Promise.all(updates.slice(0, 20).map((u) => store.append('d1', u)));
    expect(await store.hasLog('d1')).toBe(true);
    // A compaction races with ten more appends: none of them may be dropped.
    await Promise.all([store.compact('d1', { ...summary, title: '新标题' }), ...updates.slice(20).map((u) => store.append('d1', u))]);
    expect(toBudgetJson(await loaded(store, 'd1'))).toEqual(toBudgetJson(source));
    await store.compact('d1');
    expect(await store.hasLog('d1')).toBe(false);
    expect(toBudgetJson(await loaded(store, 'd1'))).toEqual(toBudgetJson(source));
    expect((await store.getMeta('d1'))?.title).toBe('新标题');
    expect((await store.listMeta()).map((m) => m.id)).toEqual(['d1']);
    expect(await store.loadUpdates('nope')).toBeNull();
    await expect(store.createDoc('d1', Y.encodeStateAsUpdate(source), summary)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('reads every update when another instance folds the log between the base and the log being read', async () => {
    const kv = await backend.fresh();
    const reader = new DocStore(kv);
    const folder = new DocStore(await backend.share(kv));
    const source = toBudgetYDoc(makeSmallBudgetText());
    await reader.createDoc('d4', Y.encodeStateAsUpdate(source), summary);
    const updates: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 5; i++) setIndicatorField(source, 'p-reception', 'r-qual', 'value', `≥${i}%`);
    for (const u of updates) await reader.append('d4', u);
    // The first read of meta and base is followed, before the log is read, by a whole compaction.
    const realGetMany = kv.getMany.bind(kv);
    let overtaken = false;
    Object.assign(kv, {
      getMany: async (keys: readonly string[]) => {
        const values = await realGetMany(keys);
        if (!overtaken && keys.some((k) => k.endsWith('d4!base'))) {
          overtaken = true;
          await folder.compact('d4');
        }
        return values;
      },
    });
    const rebuilt = await loaded(reader, 'd4');
    Reflect.deleteProperty(kv, 'getMany');
    expect(overtaken).toBe(true);
    expect(toBudgetJson(rebuilt)).toEqual(toBudgetJson(source));
  });

  it('keeps every update when two instances append to one document and each compacts', async () => {
    const kv = await backend.fresh();
    const a = new DocStore(kv);
    const b = new DocStore(await backend.share(kv));
    const alice = toBudgetYDoc(makeSmallBudgetText());
    await a.createDoc('d2', Y.encodeStateAsUpdate(alice), summary);
    const bob = new Y.Doc();
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice));
    const fromAlice: Uint8Array[] = [];
    const fromBob: Uint8Array[] = [];
    alice.on('update', (u: Uint8Array) => fromAlice.push(u));
    bob.on('update', (u: Uint8Array) => fromBob.push(u));
    for (let i = 0; i < 15; i++) {
      setIndicatorField(alice, 'p-reception', 'r-qual', 'description', `甲${i}`);
      setIndicatorField(bob, 'p-vehicles', 'v-cost', 'description', `乙${i}`);
    }
    expect([fromAlice.length, fromBob.length]).toEqual([15, 15]);
    // Both number their appends from the same stored log; neither may overwrite the other's.
    await Promise.all([...fromAlice.map((u) => a.append('d2', u)), ...fromBob.map((u) => b.append('d2', u)), a.compact('d2'), b.compact('d2')]);
    await Promise.all([a.compact('d2'), b.compact('d2')]);
    Y.applyUpdate(alice, Y.encodeStateAsUpdate(bob));
    expect(toBudgetJson(await loaded(a, 'd2'))).toEqual(toBudgetJson(alice));
    expect(toBudgetJson(await loaded(b, 'd2'))).toEqual(toBudgetJson(alice));
    expect(toBudgetJson(alice).projects[1]?.indicators.find((r) => r.id === 'v-cost')?.description).toBe('乙14');
  });

  it('stores history, versions and client-id owners', async () => {
    const kv = await backend.fresh();
    const history = new HistoryStore(kv);
    const target = { project: 'p1', indicator: 'i1', field: 'value' };
    const at = '2025-03-01T08:00:00.000Z';
    await history.put('d3', [
      { target, entry: { at, user: { sub: 'a', name: '甲' }, before: null, after: '≥90%' } },
      { target, entry: { at, user: { sub: 'b', name: '乙' }, before: '≥90%', after: '≥95%' } },
      { target: { section: 'overallGoal' }, entry: { at, user: { sub: 'a', name: '甲' }, before: '', after: '目标' } },
    ]);
    expect((await history.list('d3', target)).map((e) => e.after)).toEqual(['≥90%', '≥95%']);

    const versions = new VersionStore(kv);
    const json = makeSmallBudgetText();
    const meta = { label: '初稿', kind: 'manual' as const, author: { sub: 'a', name: '甲' }, summary: { errors: 0, warnings: 1, infos: 0 } };
    const first = await versions.save('d3', json, meta, [{ id: 't1' }]);
    const second = await versions.save('d3', json, { ...meta, label: '再存' });
    expect(second.bytes).toBeLessThan(first.bytes);
    expect((await versions.list('d3')).map((v) => v.label)).toEqual(['再存', '初稿']);
    expect(await versions.load('d3', first.id)).toEqual(json);
    expect(await versions.loadReview('d3', first.id)).toEqual([{ id: 't1' }]);

    const owners = new ClientIdRegistry(kv, (key, value) => kv.put(key, value, { sync: true }));
    expect(await owners.claim([7, 8], 'alice')).toBeNull();
    expect(await new ClientIdRegistry(kv, async () => undefined).claim([8], 'mallory')).toBe(8);
  });

  it('stores organisations, grants, assignments, people seen and the audit log; two instances never overwrite each other', async () => {
    const kv = await backend.fresh();
    const a = new OrgStore(kv);
    const b = new OrgStore(await backend.share(kv));
    const at = '2025-03-01T08:00:00.000Z';
    const entry = (subject: string, by: string): AuditEntry => ({ at, by: { sub: by, name: by }, kind: 'grant', subject, before: null, after: { projects: [] } });
    await a.setOwner('d4', { org: 'lt-zfb', orgKind: 'department', region: '130225' });
    expect(await b.owner('d4')).toEqual({ org: 'lt-zfb', orgKind: 'department', region: '130225' });
    expect(await b.owner('d5')).toBeNull();
    // Two instances grant two people on one document in the same millisecond: both grants and both audit lines stay.
    await Promise.all([
      a.setGrant('d4', 'bob', { projects: ['p1'], money: false, sections: [] }, entry('bob', 'a')),
      b.setGrant('d4', 'carol', { projects: [], money: true, sections: ['subGoals'] }, entry('carol', 'b')),
    ]);
    expect(await a.grants('d4')).toEqual({ bob: { projects: ['p1'], money: false, sections: [] }, carol: { projects: [], money: true, sections: ['subGoals'] } });
    expect((await b.audit('d4')).map((e) => e.subject).sort()).toEqual(['bob', 'carol']);
    await a.setGrant('d4', 'bob', null, entry('bob', 'a'));
    expect(Object.keys(await b.grants('d4'))).toEqual(['carol']);
    expect(await a.grants('d40')).toEqual({});
    await b.setAssignment('dave', { departments: ['lt-zfb'] }, { ...entry('dave', 'gina'), kind: 'assignment' });
    expect(await a.assignment('dave')).toEqual({ departments: ['lt-zfb'] });
    expect(await a.assignments()).toEqual({ dave: { departments: ['lt-zfb'] } });
    await a.setAssignment('dave', null, { ...entry('dave', 'gina'), kind: 'assignment' });
    expect(await b.assignments()).toEqual({});
    expect((await b.audit(ASSIGNMENT_SCOPE)).map((e) => e.kind)).toEqual(['assignment', 'assignment']);
    await a.putSeen('lt-zfb', { sub: 'alice', name: '张三', role: 'owner' });
    await b.putSeen('lt-zfb', { sub: 'bob', name: '李四', role: 'editor' });
    await b.putSeen('lt-zfb2', { sub: 'eve', name: '某人', role: 'editor' });
    expect((await a.seen('lt-zfb')).map((p) => p.name)).toEqual(['张三', '李四']);
  });

  it('lets a grant changed on one instance bind the next decision on another', async () => {
    const kv = await backend.fresh();
    const here = new OrgService(new OrgStore(kv));
    const by = { sub: 'alice', name: '张三', role: 'owner' as const };
    await here.setGrant('d6', by, 'bob', { projects: ['p1'], money: false, sections: [] });
    expect((await here.grantView('d6', 'bob')).mine?.projects).toEqual(['p1']);
    // LevelDB is one process: the same service sees its own write at once.
    await here.setGrant('d6', by, 'bob', { projects: ['p2'], money: true, sections: [] });
    expect(await here.grantView('d6', 'bob')).toEqual({ mine: { projects: ['p2'], money: true, sections: [] }, moneyReserved: true });
    if (backend.name !== 'postgres') return;
    // PostgreSQL: another instance's service, which has read the grants already, sees the change.
    const there = new OrgService(new OrgStore(await backend.share(kv)));
    expect((await there.grantView('d6', 'bob')).mine?.projects).toEqual(['p2']);
    await here.setGrant('d6', by, 'bob', null);
    expect(await there.grantView('d6', 'bob')).toEqual({ mine: undefined, moneyReserved: false });
  });
});
