import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CuratedIndicator } from '../../../shared/library/index.ts';
import { CuratedStore } from '../../../server/storage/curated-store.ts';
import { failWrites } from '../../helpers/failing-writes.ts';
import { storageBackends } from '../../helpers/storage-backends.ts';

const entry = (name: string): CuratedIndicator => ({ level1: '产出指标', level2: '数量指标', name, description: `${name}的描述`, value: '≥1', basis: '', explanation: '' });

describe.each(storageBackends())('the curated 共性指标 list on $name', (backend) => {
  beforeAll(() => backend.setUp(), 60_000);
  afterAll(() => backend.tearDown());

  it('replaces the list whole, seen by another instance; a failed write changes nothing', async () => {
    const db = await backend.fresh();
    const store = new CuratedStore(db);
    const other = new CuratedStore(await backend.share(db));
    expect(await other.head()).toBeNull();
    expect(await other.items()).toEqual([]);

    const first = await store.replace([entry('甲'), entry('乙')], 'root');
    expect(await other.head()).toEqual(first);
    expect((await other.items()).map((e) => e.name)).toEqual(['甲', '乙']);
    const second = await store.replace([entry('丙')], 'root');
    expect(second.stamp).not.toBe(first.stamp);
    expect((await other.items()).map((e) => e.name)).toEqual(['丙']);

    const failing = failWrites(db);
    await expect(store.replace([entry('丁')], 'root')).rejects.toMatchObject({ code: 'STORAGE_FAILED' });
    failing.restore();
    expect(await other.head()).toEqual(second);
    expect((await other.items()).map((e) => e.name)).toEqual(['丙']);
  });
});
