import { css, html, nothing } from 'lit';
import type { ProjectField } from '../../shared/model/index.ts';
import type { DocReview } from './doc-review.ts';
import { targetKey, type ReviewTarget } from './review-target.ts';
import { commentMarker, inlineSuggestions, reviewMarkStyles } from './suggestion-templates.ts';

/*
 * The review in a project's header: each field's marker of open threads (next to its label)
 * and the values suggested for it (under the field). 资金用途 and 绩效目标 count the threads on
 * the field and on ranges of its text.
 */

/** The place a header field is, for comments and suggestions. */
export function headerPlace(project: string, field: ProjectField): ReviewTarget {
  return { kind: 'header', project, field };
}

/** The marker of open threads on header field `field` of `project` (and, for a text field, on its ranges). */
export function markerAt(review: DocReview | null, project: string, field: ProjectField) {
  if (!review) return nothing;
  const place = headerPlace(project, field);
  const text = field === 'purpose' || field === 'goal' ? review.index.openThreadsAt(targetKey({ kind: 'text', section: field, project })) : 0;
  return commentMarker(review.index.openThreadsAt(targetKey(place)) + text, place);
}

/** The values suggested for header field `field` (now `current`), as a line under the field; nothing without any. */
export function headerSuggestionsAt(review: DocReview | null, project: string, field: ProjectField, current: string | number | null) {
  const suggestions = review?.index.suggestionsAt(targetKey(headerPlace(project, field))) ?? [];
  if (!review || suggestions.length === 0) return nothing;
  return html`<div class="field-suggestions">${inlineSuggestions(current, suggestions, review.inline, field)}</div>`;
}

/** Styles of the header's review parts: markers sit beside the labels rather than in a corner. */
export const headerReviewStyles = [
  reviewMarkStyles,
  css`
    .label .comment-marker, label .comment-marker { position: static; display: inline-block; margin-left: 0.3rem; border-radius: 999px; vertical-align: 0.1em; }
    .field-suggestions { margin-top: 0.2rem; font-size: 0.85rem; }
  `,
];
