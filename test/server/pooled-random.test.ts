import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { installPooledRandomValues } from '../../server/pooled-random.ts';

/** A Crypto-shaped object of its own (Node's getRandomValues behind it), so the test process's stays as it is. */
function freshCrypto(): Crypto {
  return { getRandomValues: webcrypto.getRandomValues.bind(webcrypto) } as unknown as Crypto;
}

describe('the pooled random source', () => {
  it('fills small integer arrays with fresh random bytes, each byte handed out once', () => {
    const crypto = freshCrypto();
    installPooledRandomValues(crypto);
    expect((crypto.getRandomValues as { pooled?: true }).pooled).toBe(true);
    // Across several refills of the 4 KiB pool: 32-bit values that repeat would mean bytes handed out twice.
    const seen = new Set<number>();
    for (let i = 0; i < 5_000; i++) seen.add(crypto.getRandomValues(new Uint32Array(1))[0]!);
    expect(seen.size).toBeGreaterThan(4_990);
    // Every byte position of a request is written, wherever the view starts in its buffer.
    const buffer = new Uint8Array(64);
    const view = new Uint8Array(buffer.buffer, 8, 32);
    crypto.getRandomValues(view);
    expect(buffer.subarray(0, 8).every((b) => b === 0)).toBe(true);
    expect(buffer.subarray(40).every((b) => b === 0)).toBe(true);
    expect(view.some((b) => b !== 0)).toBe(true);
    // Roughly uniform bytes: each of 16 buckets gets its share of 64,000 (expected 4,000 each).
    const counts = new Array<number>(16).fill(0);
    for (let i = 0; i < 1_000; i++) for (const b of crypto.getRandomValues(new Uint8Array(64))) counts[b >> 4]!++;
    for (const n of counts) expect(Math.abs(n - 4_000)).toBeLessThan(400);
  });

  it('leaves what it does not pool to Node: large requests, and the errors of wrong ones', () => {
    const crypto = freshCrypto();
    installPooledRandomValues(crypto);
    const large = crypto.getRandomValues(new Uint8Array(10_000));
    expect(large.some((b) => b !== 0)).toBe(true);
    expect(() => crypto.getRandomValues(new Float64Array(4) as unknown as Uint8Array<ArrayBuffer>)).toThrow();
    expect(() => crypto.getRandomValues(new Uint8Array(70_000))).toThrow();
    // Installing twice keeps one pool.
    const first = crypto.getRandomValues;
    installPooledRandomValues(crypto);
    expect(crypto.getRandomValues).toBe(first);
  });

  it('is what Yjs draws its random numbers from when installed before Yjs is imported, as main.ts does', () => {
    const pooled = new URL('../../server/pooled-random.ts', import.meta.url).href;
    const script = `const { installPooledRandomValues } = await import(${JSON.stringify(pooled)});
      installPooledRandomValues();
      const Y = await import('yjs');
      const lib0 = await import('lib0/webcrypto');
      const doc = new Y.Doc();
      console.log(JSON.stringify({ bound: lib0.getRandomValues.name, guid: doc.guid }));`;
    const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as { bound: string; guid: string };
    expect(out.bound).toBe('bound pooledGetRandomValues');
    expect(out.guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('is installed by the server entry before anything else is loaded', () => {
    // main.ts may import the pooled source only; everything else loads after it ran (await import).
    const main = readFileSync(new URL('../../server/main.ts', import.meta.url), 'utf8');
    const imports = [...main.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]);
    expect(imports).toEqual(['./pooled-random.ts']);
    expect(main.indexOf('installPooledRandomValues();')).toBeLessThan(main.indexOf("await import('./serve.ts')"));
  });
});
