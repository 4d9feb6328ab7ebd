import type * as Y from 'yjs';
import type { LibraryItem } from '../../shared/library/index.ts';
import { addIndicator, indicatorsOf, projectsMap, setIndicatorCells, sortedEntries, type Indicator } from '../../shared/model/index.ts';
import type { UndoHistory } from '../undo/undo-history.ts';

/** Where a library entry goes: a row of one project, written as this tab (its origin and undo history). */
export interface LibraryTarget {
  doc: Y.Doc;
  projectId: string;
  rowId: string;
  origin: unknown;
  history: UndoHistory | null;
}

const FIELDS = ['level1', 'level2', 'name', 'description', 'value', 'basis'] as const;

/** The row's cells an entry fills: its six texts, blanks left out (a blank says nothing about the row). */
function cellsOf(item: LibraryItem): Partial<Indicator> {
  return Object.fromEntries(FIELDS.filter((f) => item[f] !== '').map((f) => [f, item[f]]));
}

function asOneStep<T>(history: UndoHistory | null, change: () => T): T {
  history?.stopCapturing();
  const result = change();
  history?.stopCapturing();
  return result;
}

/**
 * Inserts a new row filled from `item` right below the target row (at the end when that row is
 * gone), as one transaction and one undo step. Returns the new row's id and 1-based position, or
 * null when the project is gone.
 */
export function insertFromLibrary(target: LibraryTarget, item: LibraryItem): { rowId: string; position: number } | null {
  const project = projectsMap(target.doc).get(target.projectId);
  if (!project) return null;
  const rows = sortedEntries(indicatorsOf(project));
  const at = rows.findIndex((r) => r.id === target.rowId);
  const index = at < 0 ? rows.length : at + 1;
  const rowId = asOneStep(target.history, () => addIndicator(target.doc, target.projectId, cellsOf(item), index, target.origin));
  return rowId === null ? null : { rowId, position: index + 1 };
}

/** Writes `item`'s texts into the target row, as one transaction and one undo step; false when nothing changed. */
export function fillFromLibrary(target: LibraryTarget, item: LibraryItem): boolean {
  const writes = Object.entries(cellsOf(item)).map(([field, value]) => ({ indicator: target.rowId, field: field as (typeof FIELDS)[number], value: value as string }));
  return !!asOneStep(target.history, () => setIndicatorCells(target.doc, target.projectId, writes, target.origin));
}
