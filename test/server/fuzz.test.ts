import { describe, expect, it } from 'vitest';
import { runFuzz } from '../fuzz/run-fuzz.ts';

describe('fuzz: hostile frames from editors and unauthenticated sockets', () => {
  it('survives 2,000 random, truncated, bomb-shaped and mutated frames with bounded memory', async () => {
    const report = await runFuzz({ frames: 2_000, seed: 11, sockets: 8 });
    expect(report.framesSent).toBe(2_000);
    expect(report.survived).toBe(true);
    // A bomb that got decoded would cost ~250 MB at once (attack-surface notes).
    expect(report.rssPeakMiB - report.rssStartMiB).toBeLessThan(200);
  }, 120_000);
});
