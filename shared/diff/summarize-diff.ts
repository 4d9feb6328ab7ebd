import type { BudgetDiff } from './budget-diff.ts';

/**
 * Counts of a {@link BudgetDiff}. Rows count within projects present in both versions (the
 * rows of an added or removed project count only as that project). `projectsChanged` counts
 * projects whose header or rows differ (a move alone counts in `projectsMoved`); `rowsChanged`
 * counts rows with a changed cell; `cellsChanged` counts changed indicator cells plus changed
 * project header fields; `textSectionsChanged` counts the 第一部分 sections;
 * `metaFieldsChanged` the title, year and department fields.
 */
export interface DiffSummary {
  projectsAdded: number;
  projectsRemoved: number;
  projectsChanged: number;
  projectsMoved: number;
  rowsAdded: number;
  rowsRemoved: number;
  rowsMoved: number;
  rowsChanged: number;
  cellsChanged: number;
  textSectionsChanged: number;
  metaFieldsChanged: number;
}

/** The counts behind the summary line of the comparison view; all zero for identical versions. */
export function summarizeDiff(diff: BudgetDiff): DiffSummary {
  const s: DiffSummary = {
    projectsAdded: 0,
    projectsRemoved: 0,
    projectsChanged: 0,
    projectsMoved: 0,
    rowsAdded: 0,
    rowsRemoved: 0,
    rowsMoved: 0,
    rowsChanged: 0,
    cellsChanged: 0,
    textSectionsChanged: diff.overview.filter((o) => o.status === 'changed').length,
    metaFieldsChanged: diff.meta.length,
  };
  for (const p of diff.projects) {
    if (p.status === 'added') s.projectsAdded++;
    else if (p.status === 'removed') s.projectsRemoved++;
    if (p.status !== 'changed') continue;
    if (p.moved) s.projectsMoved++;
    s.cellsChanged += p.fields.length;
    let rowsDiffer = false;
    for (const r of p.indicators) {
      if (r.status === 'unchanged') continue;
      rowsDiffer = true;
      if (r.status === 'added') s.rowsAdded++;
      else if (r.status === 'removed') s.rowsRemoved++;
      if (r.moved) s.rowsMoved++;
      if (r.cells.length > 0) s.rowsChanged++;
      s.cellsChanged += r.cells.length;
    }
    if (rowsDiffer || p.fields.length > 0) s.projectsChanged++;
  }
  return s;
}
