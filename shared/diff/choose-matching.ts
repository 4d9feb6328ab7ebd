import type { BudgetText } from '../model/budget-text-schema.ts';
import type { DiffMatching } from './budget-diff.ts';

/**
 * `id` when the two versions share at least half of the projects of the smaller one by id
 * (versions of one document, or a version and the live copy); `code` otherwise (the same text
 * imported twice gets fresh ids). With no projects on one side there is nothing to pair: `id`.
 */
export function chooseMatching(from: BudgetText, to: BudgetText): DiffMatching {
  const smaller = Math.min(from.projects.length, to.projects.length);
  if (smaller === 0) return 'id';
  const fromIds = new Set(from.projects.map((p) => p.id));
  let shared = 0;
  for (const p of to.projects) if (fromIds.has(p.id)) shared++;
  return shared * 2 >= smaller ? 'id' : 'code';
}
