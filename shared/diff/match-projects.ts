import type { Project } from '../model/budget-text-schema.ts';
import type { DiffMatching } from './budget-diff.ts';
import { emptyMatches, matchByKey, normalizeKey, type Matches } from './match-by-key.ts';

/**
 * Pairs the projects of two versions. `id`: by id only. `code`: by 项目编码 (whitespace and
 * width-insensitive), then the projects left over by 项目名称, so a project whose code was
 * corrected still shows as one project with a changed code.
 */
export function matchProjects(from: readonly Project[], to: readonly Project[], matching: DiffMatching): Matches {
  const matches = emptyMatches(from.length, to.length);
  if (matching === 'id') {
    matchByKey(
      from.map((p) => p.id),
      to.map((p) => p.id),
      matches,
    );
    return matches;
  }
  matchByKey(
    from.map((p) => normalizeKey(p.code)),
    to.map((p) => normalizeKey(p.code)),
    matches,
  );
  matchByKey(
    from.map((p) => normalizeKey(p.name)),
    to.map((p) => normalizeKey(p.name)),
    matches,
  );
  return matches;
}
