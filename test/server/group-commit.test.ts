import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GroupCommit, type PutOp } from '../../server/storage/group-commit.ts';
import { LevelKvStore } from '../../server/storage/level-kv.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array | undefined) => (b ? new TextDecoder().decode(b) : undefined);
const put = (key: string, value: string): PutOp => ({ type: 'put', key, value: bytes(value) });

describe('GroupCommit riders on a real LevelDB', () => {
  let dir = '';
  let db: LevelKvStore;
  /** Every write GroupCommit made, in order: whether synced, and the keys it held. */
  let writes: Array<{ synced: boolean; keys: string[] }>;
  let failSynced: boolean;
  const commits = (waitMs: number) =>
    new GroupCommit(
      async (ops) => {
        writes.push({ synced: true, keys: ops.map((o) => o.key) });
        if (failSynced) throw new Error('disk full');
        await db.batch(ops, { sync: true });
      },
      { writeAlone: async (ops) => (writes.push({ synced: false, keys: ops.map((o) => o.key) }), db.batch(ops)), waitMs },
    );

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jixiao-commit-'));
    db = new LevelKvStore(dir);
    await db.open();
    writes = [];
    failSynced = false;
  });
  afterEach(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes riders in the next synced batch instead of a write of their own', async () => {
    const gc = commits(10_000);
    const riding = gc.ride([put('h!1', 'a'), put('h!last', 'a')]);
    await gc.put('u!1', bytes('update'));
    await riding;
    expect(writes).toEqual([{ synced: true, keys: ['h!1', 'h!last', 'u!1'] }]);
    expect(text(await db.get('h!last'))).toBe('a');
  });

  it('writes riders by themselves once nothing synced came along within the wait', async () => {
    const gc = commits(20);
    await gc.ride([put('h!1', 'alone')]);
    expect(writes).toEqual([{ synced: false, keys: ['h!1'] }]);
    expect(text(await db.get('h!1'))).toBe('alone');
  });

  it('writes waiting riders at once when asked to go idle (shutdown)', async () => {
    const gc = commits(60_000);
    const riding = gc.ride([put('h!1', 'now')]);
    await gc.idle();
    await riding;
    expect(text(await db.get('h!1'))).toBe('now');
  });

  it('keeps the order of riders: a later rewrite of a key is never overtaken by an earlier one', async () => {
    const gc = commits(5);
    const first = gc.ride([put('h!entry', 'ab')]);
    const update = gc.put('u!1', bytes('x'));
    const second = gc.ride([put('h!entry', 'abc')]);
    await Promise.all([first, update, second]);
    expect(text(await db.get('h!entry'))).toBe('abc');
    expect(writes.map((w) => w.keys)).toEqual([['h!entry', 'u!1'], ['h!entry']]);
  });

  it('flushes waiting riders on demand, so a write made afterwards is never overtaken by one', async () => {
    const gc = commits(60_000);
    const riding = gc.ride([put('meta', 'touched')]);
    await gc.flushRiders();
    await riding;
    await db.batch([put('meta', 'compacted')]);
    await new Promise((r) => setTimeout(r, 50));
    expect(text(await db.get('meta'))).toBe('compacted');
    expect(writes).toEqual([{ synced: false, keys: ['meta'] }]);
  });

  it('rejects the riders of a failed synced batch, and later ones are written again', async () => {
    const gc = commits(10_000);
    failSynced = true;
    const riding = gc.ride([put('h!1', 'lost')]);
    await expect(gc.put('u!1', bytes('x'))).rejects.toThrow('disk full');
    await expect(riding).rejects.toThrow('disk full');
    failSynced = false;
    const again = gc.ride([put('h!2', 'kept')]);
    await gc.put('u!2', bytes('y'));
    await again;
    expect(text(await db.get('h!1'))).toBeUndefined();
    expect(text(await db.get('h!2'))).toBe('kept');
  });
});
