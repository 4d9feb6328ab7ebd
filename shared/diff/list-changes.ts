import type { DiffChange, FieldChange, MetaField, OverviewDiff, ProjectDiff } from './budget-diff.ts';

/**
 * Every change in document order — document fields, overview sections, then each project: its
 * own addition, removal or move, its header fields, then its rows (a row's move before its
 * cells). Rows of an added or removed project are covered by the project's one entry.
 */
export function listChanges(meta: readonly FieldChange<MetaField>[], overview: readonly OverviewDiff[], projects: readonly ProjectDiff[]): DiffChange[] {
  const changes: DiffChange[] = [];
  for (const { field } of meta) changes.push({ kind: 'meta', field });
  for (const { section, status } of overview) if (status === 'changed') changes.push({ kind: 'overview', section });
  projects.forEach((p, project) => {
    if (p.status === 'unchanged') return;
    if (p.status === 'added' || p.status === 'removed') {
      changes.push({ kind: p.status === 'added' ? 'project-added' : 'project-removed', project });
      return;
    }
    if (p.moved) changes.push({ kind: 'project-moved', project });
    for (const { field } of p.fields) changes.push({ kind: 'project-field', project, field });
    p.indicators.forEach((r, indicator) => {
      if (r.status === 'added') changes.push({ kind: 'row-added', project, indicator });
      else if (r.status === 'removed') changes.push({ kind: 'row-removed', project, indicator });
      if (r.moved) changes.push({ kind: 'row-moved', project, indicator });
      for (const { field } of r.cells) changes.push({ kind: 'cell', project, indicator, field });
    });
  });
  return changes;
}
