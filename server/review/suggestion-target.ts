import type * as Y from 'yjs';
import { INDICATOR_FIELDS } from '../../shared/model/budget-text-schema.ts';
import { indicatorsOf, projectText, projectsMap, readAmount, readString } from '../../shared/model/ydoc-layout.ts';
import type { Suggestion } from '../../shared/review/review-types.ts';

const AMOUNT_KEYS: Record<string, string> = {
  'budget.total': 'total', 'budget.fiscal': 'fiscal', 'budget.other': 'other',
  'spendingPlan.mar': 'mar', 'spendingPlan.jun': 'jun', 'spendingPlan.oct': 'oct', 'spendingPlan.dec': 'dec',
};

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
  const field = s.field ?? '';
  if (field === 'purpose' || field === 'goal') return projectText(project, field).toString();
  if (field === 'spendingPlan.unit') return project.get('planUnit') === 'amount' ? 'amount' : 'percent';
  if (AMOUNT_KEYS[field]) return readAmount(project, AMOUNT_KEYS[field] as string);
  return readString(project, field);
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
