import { describe, expect, it } from 'vitest';
import { runChaos } from '../chaos/run-chaos.ts';

describe('chaos: SIGKILL while people type, set cells, move rows and comment', () => {
  it('keeps every acknowledged change and converges after each of 3 kills', async () => {
    const report = await runChaos({ cycles: 3, clients: 6, seed: 7 });
    expect(report.cycles).toBe(3);
    expect(report.acknowledged).toBeGreaterThan(0);
    expect(report.losses).toBe(0);
    expect(report.divergent).toBe(0);
  }, 120_000);
});
