import type * as Y from 'yjs';
import { INDICATOR_FIELDS, type Indicator, type IndicatorField } from './budget-text-schema.ts';
import { newIndicatorMap } from './budget-ydoc.ts';
import { newId } from '../ids.ts';
import { orderKeyBetween } from './order-key.ts';
import { indicatorsOf, projectsMap, sortedEntries } from './ydoc-layout.ts';

/** One cell write of {@link setIndicatorCells}. */
export interface IndicatorCellWrite {
  indicator: string;
  field: IndicatorField;
  value: string;
}

/** What a {@link pasteIndicators} call did: the rows it wrote, in table order, and which of them it created. */
export interface PasteResult {
  rowIds: string[];
  addedIds: string[];
}

/**
 * Writes many cells of one project in a single transaction (one undo step, one update on the
 * wire). Writes to rows that are gone (a colleague deleted them) are skipped; returns how many
 * cells changed, or null when the project is gone.
 */
export function setIndicatorCells(doc: Y.Doc, projectId: string, writes: readonly IndicatorCellWrite[], origin?: unknown): number | null {
  const project = projectsMap(doc).get(projectId);
  if (!project) return null;
  let changed = 0;
  doc.transact(() => {
    const rows = indicatorsOf(project);
    for (const w of writes) {
      const row = rows.get(w.indicator);
      if (!row || row.get(w.field) === w.value) continue;
      row.set(w.field, w.value);
      changed++;
    }
  }, origin);
  return changed;
}

/**
 * Pastes a block of text cells into a project's indicator table as one transaction: `matrix[r][c]`
 * lands on row `startRow + r` (0-based in table order, as every peer sorts it at this moment) and
 * column `startCol + c` of {@link INDICATOR_FIELDS}. Columns past the last are dropped; rows past
 * the last are appended as new rows, so a paste taller than the table grows it. Null when the
 * project is gone.
 */
export function pasteIndicators(
  doc: Y.Doc,
  projectId: string,
  startRow: number,
  startCol: number,
  matrix: readonly (readonly string[])[],
  origin?: unknown,
): PasteResult | null {
  const project = projectsMap(doc).get(projectId);
  if (!project) return null;
  const result: PasteResult = { rowIds: [], addedIds: [] };
  doc.transact(() => {
    const rows = indicatorsOf(project);
    const existing = sortedEntries(rows);
    let lastKey = existing[existing.length - 1]?.order ?? null;
    matrix.forEach((cells, r) => {
      const values = cellValues(cells, startCol);
      const target = existing[startRow + r];
      if (target) {
        for (const [field, value] of values) if (target.map.get(field) !== value) target.map.set(field, value);
        result.rowIds.push(target.id);
        return;
      }
      const init: Indicator = { id: newId(), level1: '', level2: '', name: '', description: '', value: '', basis: '' };
      for (const [field, value] of values) init[field] = value;
      lastKey = orderKeyBetween(lastKey, null);
      rows.set(init.id, newIndicatorMap(init, lastKey));
      result.rowIds.push(init.id);
      result.addedIds.push(init.id);
    });
  }, origin);
  return result;
}

function cellValues(cells: readonly string[], startCol: number): Array<[IndicatorField, string]> {
  const out: Array<[IndicatorField, string]> = [];
  cells.forEach((value, c) => {
    const field = INDICATOR_FIELDS[Math.max(0, startCol) + c];
    if (field) out.push([field, value]);
  });
  return out;
}
