import type * as Y from 'yjs';
import { isProjectField, PROJECT_FIELD_SPECS } from '../../shared/model/index.ts';
import { INDICATOR_FIELDS } from '../../shared/model/budget-text-schema.ts';
import { indicatorsOf, projectsMap, readAmount, readString } from '../../shared/model/ydoc-layout.ts';
import type { Suggestion } from '../../shared/review/review-types.ts';

/** The value a suggestion's target holds now; undefined when the target no longer exists. */
export function currentValue(doc: Y.Doc, s: Pick<Suggestion, 'kind' | 'project' | 'indicator' | 'field'>): string | number | null | undefined {
  const project = projectsMap(doc).get(s.project);
  if (!project) return undefined;
  if (s.kind === 'cell' || s.kind === 'delete') {
    const row = s.indicator ? indicatorsOf(project).get(s.indicator) : undefined;
    if (!row) return undefined;
    if (s.kind === 'delete') return INDICATOR_FIELDS.map((f) => readString(row, f)).join('\u0001');
    return readString(row, s.field ?? '');
  }
  if (s.kind === 'insert') return '';
  if (!isProjectField(s.field)) return undefined;
  const { key, kind } = PROJECT_FIELD_SPECS[s.field];
  if (kind === 'text') return (project.get(key) as Y.Text).toString();
  if (kind === 'unit') return project.get(key) === 'amount' ? 'amount' : 'percent';
  return kind === 'amount' ? readAmount(project, key) : readString(project, key);
}

/**
 * Whether a suggestion can no longer be applied as proposed: its target is gone, or the value it
 * was proposed against has changed since (then it is never applied blindly).
 */
export function isStale(doc: Y.Doc, s: Suggestion): boolean {
  if (s.status !== 'open') return false;
  if (s.kind === 'insert') return !projectsMap(doc).has(s.project) || (s.insertAfter != null && currentValue(doc, { kind: 'delete', project: s.project, indicator: s.insertAfter }) === undefined);
  const now = currentValue(doc, s);
  return now === undefined || now !== s.base;
}
