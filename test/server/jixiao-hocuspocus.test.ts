import { Hocuspocus, type Extension } from '@hocuspocus/server';
import { describe, expect, it, vi } from 'vitest';
import { JixiaoHocuspocus } from '../../server/collab/jixiao-hocuspocus.ts';

/** Extensions that note each hook call in `calls`; `fail` names the one whose onChange throws. */
function noting(calls: string[], fail?: string): Extension[] {
  const make = (name: string, priority: number): Extension => ({
    priority,
    async onChange() {
      calls.push(`${name}.onChange`);
      if (name === fail) throw new Error(`${name} refused`);
    },
    async onStoreDocument() {
      calls.push(`${name}.onStoreDocument`);
      return name;
    },
  });
  return [make('low', 10), make('high', 200), { priority: 150 }, make('mid', 100)];
}

describe('JixiaoHocuspocus dispatches hooks as Hocuspocus does', () => {
  it('calls the extensions that have a hook in priority order, each after the last, with each result passed to the callback', async () => {
    for (const Kind of [Hocuspocus, JixiaoHocuspocus]) {
      const calls: string[] = [];
      const instance = new Kind({ quiet: true, extensions: noting(calls) });
      const results: unknown[] = [];
      await instance.hooks('onStoreDocument', {} as never, (r: unknown) => results.push(r));
      await instance.hooks('onChange', {} as never);
      expect({ calls, results }, Kind.name).toEqual({
        calls: ['high.onStoreDocument', 'mid.onStoreDocument', 'low.onStoreDocument', 'high.onChange', 'mid.onChange', 'low.onChange'],
        // Hocuspocus' own configuration hooks come last and answer null.
        results: ['high', 'mid', 'low', null],
      });
    }
  });

  it('stops at a hook that throws, logs its message and rejects with it', async () => {
    for (const Kind of [Hocuspocus, JixiaoHocuspocus]) {
      const calls: string[] = [];
      const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const instance = new Kind({ quiet: true, extensions: noting(calls, 'mid') });
      await expect(instance.hooks('onChange', {} as never)).rejects.toThrow('mid refused');
      expect(calls, Kind.name).toEqual(['high.onChange', 'mid.onChange']);
      // Logged where it failed and once more for each later extension the failure passes (Hocuspocus' chain).
      expect(logged.mock.calls[0], Kind.name).toEqual(['[onChange]', 'mid refused']);
      logged.mockRestore();
    }
  });

  it('sees extensions configured after its first dispatch', async () => {
    const calls: string[] = [];
    const instance = new JixiaoHocuspocus({ quiet: true, extensions: [] });
    await instance.hooks('onChange', {} as never);
    instance.configure({ extensions: noting(calls) });
    await instance.hooks('onChange', {} as never);
    expect(calls).toEqual(['high.onChange', 'mid.onChange', 'low.onChange']);
  });
});
