import type * as Y from 'yjs';
import { INDICATOR_FIELDS, type Indicator } from './budget-text-schema.ts';
import { newIndicatorMap } from './budget-ydoc.ts';
import { newId } from '../ids.ts';
import { orderKeyBetween } from './order-key.ts';
import { indicatorsOf, projectsMap, readString, sortedEntries } from './ydoc-layout.ts';

/**
 * Inserts a copy of an indicator row right below it, with a new id (comments and history stay
 * with the original). Returns the copy's id, or null when the project or the row is gone.
 */
export function duplicateIndicator(doc: Y.Doc, projectId: string, indicatorId: string, origin?: unknown): string | null {
  const project = projectsMap(doc).get(projectId);
  const source = project && indicatorsOf(project).get(indicatorId);
  if (!project || !source) return null;
  const copy: Indicator = { id: newId(), level1: '', level2: '', name: '', description: '', value: '', basis: '' };
  for (const f of INDICATOR_FIELDS) copy[f] = readString(source, f);
  doc.transact(() => {
    const rows = sortedEntries(indicatorsOf(project));
    const at = rows.findIndex((r) => r.id === indicatorId);
    const before = rows[at]?.order ?? null;
    // Skip neighbours with an equal key (concurrent inserts) so the copy lands strictly after.
    const after = rows.slice(at + 1).find((r) => before === null || r.order > before)?.order ?? null;
    indicatorsOf(project).set(copy.id, newIndicatorMap(copy, orderKeyBetween(before, after)));
  }, origin);
  return copy.id;
}
