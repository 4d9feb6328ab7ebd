import type { Project } from '../model/budget-text-schema.ts';

const SEP = '\u0001';

/**
 * A string equal for two projects exactly when their content is equal (ids, cells, amounts, plan):
 * the cache key of the incremental validator. Linear in the project's text, no hashing collisions.
 */
export function projectFingerprint(p: Project): string {
  const { budget: b, spendingPlan: s } = p;
  const parts = [p.id, p.code, p.name, p.purpose, p.goal, b.total, b.fiscal, b.other, s.unit, s.mar, s.jun, s.oct, s.dec].map(String);
  for (const i of p.indicators) parts.push(i.id, i.level1, i.level2, i.name, i.description, i.value, i.basis);
  return parts.join(SEP);
}
