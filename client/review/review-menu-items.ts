import { t } from '../i18n/i18n.ts';
import type { ReviewAction } from './review-events.ts';
import { historyQueryOf, type ReviewTarget } from './review-target.ts';

/** One entry of the review menu. */
export interface ReviewMenuItem {
  id: string;
  action: ReviewAction;
  place: ReviewTarget;
  label: string;
  keys?: string;
}

/** What the user may do, deciding which items the menu offers. */
export interface ReviewMenuPermissions {
  comment: boolean;
  suggest: boolean;
}

/** The review items for `place`, in menu order. */
export function reviewMenuItems(place: ReviewTarget, may: ReviewMenuPermissions): ReviewMenuItem[] {
  const items: ReviewMenuItem[] = [];
  if (may.comment) items.push({ id: 'comment', action: 'comment', place, label: t('review.comment'), keys: 'Ctrl+Alt+M' });
  if (historyQueryOf(place)) items.push({ id: 'history', action: 'history', place, label: t('review.history'), keys: 'Alt+H' });
  if (may.suggest && place.kind === 'cell') {
    items.push({ id: 'suggest-insert', action: 'suggest-insert', place, label: t('suggestions.insertRow') });
    items.push({ id: 'suggest-delete', action: 'suggest-delete', place, label: t('suggestions.deleteRow') });
  }
  if (may.comment && 'project' in place && place.kind !== 'project' && place.project) {
    items.push({ id: 'comment-project', action: 'comment', place: { kind: 'project', project: place.project }, label: t('review.commentOnProject') });
  }
  return items;
}
