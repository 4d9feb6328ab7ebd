import type { BudgetDiff, IndicatorDiff, ProjectDiff } from '../../../shared/diff/index.ts';

/** The project diff whose `to` (or else `from`) id is `id`; fails the test when missing. */
export function projectDiff(diff: BudgetDiff, id: string): ProjectDiff {
  const found = diff.projects.find((p) => (p.toId ?? p.fromId) === id);
  if (!found) throw new Error(`no project ${id} in diff`);
  return found;
}

/** The row diff whose `to` (or else `from`) id is `id` within project `projectId`. */
export function rowDiff(diff: BudgetDiff, projectId: string, id: string): IndicatorDiff {
  const found = projectDiff(diff, projectId).indicators.find((r) => (r.toId ?? r.fromId) === id);
  if (!found) throw new Error(`no row ${id} in project ${projectId}`);
  return found;
}

/** Row ids of a project diff in display order, each tagged with its status (and `moved`). */
export function rowOutline(project: ProjectDiff): string[] {
  return project.indicators.map((r) => `${r.toId ?? r.fromId}:${r.status}${r.moved ? ':moved' : ''}`);
}
