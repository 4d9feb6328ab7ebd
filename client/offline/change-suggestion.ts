import type { NewSuggestion } from '../../shared/review/review-schema.ts';
import type { PendingChange } from './pending-changes.ts';

/**
 * The suggestion (`POST /api/docs/:id/suggestions`) that proposes `change` to the editors, or null
 * for what suggestions cannot carry: part one's text, the document head, whole projects.
 */
export function toSuggestion(change: PendingChange): NewSuggestion | null {
  switch (change.kind) {
    case 'cell':
      return { project: change.project, indicator: change.indicator, field: change.field, value: change.value };
    case 'header':
      return { project: change.project, field: change.field, value: change.value };
    case 'row-added':
      return { project: change.project, insertAfter: change.insertAfter, indicator: change.row };
    case 'row-removed':
      return { project: change.project, indicator: change.indicator, delete: true };
    default:
      return null;
  }
}
