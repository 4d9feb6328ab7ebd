import { describe, expect, it } from 'vitest';
import { findingsOf, mutated, type RuleCase } from './make-doc.ts';

/** Registers one describe block per rule: every trigger fires it, every near miss does not. */
export function runRuleCases(cases: readonly RuleCase[]): void {
  for (const c of cases) {
    describe(c.id, () => {
      for (const t of c.triggers) {
        it(`fires: ${t.name}`, () => {
          const found = findingsOf(mutated(t.mutate), c.id, t.settings);
          if (t.count !== undefined) expect(found).toHaveLength(t.count);
          else expect(found.length).toBeGreaterThan(0);
          for (const f of found) expect(`${f.zh}${f.en}`).not.toMatch(/\{\w+\}/);
          if (t.expect) expect(found[0]).toMatchObject(t.expect);
        });
      }
      for (const n of c.nearMisses) {
        it(`stays silent: ${n.name}`, () => {
          expect(findingsOf(mutated(n.mutate), c.id, n.settings)).toEqual([]);
        });
      }
    });
  }
}
