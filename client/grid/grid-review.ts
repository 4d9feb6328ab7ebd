import { css, html, nothing, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { INDICATOR_FIELDS, type IndicatorField } from '../../shared/model/index.ts';
import { t } from '../i18n/i18n.ts';
import type { DocReview } from '../review/doc-review.ts';
import type { OpenSuggestion } from '../review/review-index.ts';
import { targetKey, type ReviewTarget } from '../review/review-target.ts';
import { commentMarker, decideButtons, inlineSuggestions } from '../review/suggestion-templates.ts';

/*
 * The review inside an indicator grid: per cell its `data-review-target`, open threads' marker
 * and suggested values; rows suggested for deletion struck through; suggested new rows as ghost
 * rows under the row they follow. Template helpers, so the grid element keeps to the grid.
 */

/** The review parts of one cell (see `GridCellView`): its key, suggested values, marks. */
export function cellReview(review: DocReview | null, project: string, indicator: string, field: IndicatorField, text: string, editing: boolean) {
  const place: ReviewTarget = { kind: 'cell', project, indicator, field };
  const reviewKey = targetKey(place);
  if (!review) return { reviewKey, display: null, marks: null };
  const suggestions = review.index.suggestionsAt(reviewKey);
  const deletions = field === 'level1' ? review.index.deletionsOf(project, indicator) : [];
  const display = !editing && suggestions.length > 0 ? html`${inlineSuggestions(text, suggestions, review.inline)}` : null;
  const threads = review.index.openThreadsAt(reviewKey);
  // Most cells have neither: no template for them keeps a grid's first render and re-renders light.
  const marks = threads === 0 && deletions.length === 0 ? null : html`${commentMarker(threads, place)}${deletions.map((s) => deletionMark(s, review))}`;
  return { reviewKey, display, marks };
}

/** Class of a row with open suggestions to delete it ('' for none). */
export function rowReviewClass(review: DocReview | null, project: string, indicator: string): string {
  return review && review.index.deletionsOf(project, indicator).length > 0 ? 'suggested-delete' : '';
}

/** The new rows suggested right after row `after` of `project` (null: above the first row). */
export function ghostRows(review: DocReview | null, project: string, after: string | null): TemplateResult[] {
  if (!review) return [];
  return review.index.insertionsAfter(project, after).map((s) => {
    const row = s.row ?? {};
    const label = `${t('suggestions.newRow')}（${s.author.name}）`;
    return html`<div class="ghost-row ${s.stale ? 'stale' : ''}" role="note" aria-label=${label} title=${label} data-testid="ghost-row" data-suggestion-id=${s.id}
        style=${styleMap({ '--person': review.inline.colorOf(s.author.sub) })}>
      <span class="handle-col" aria-hidden="true">+</span><span class="handle-col" aria-hidden="true"></span>
      ${INDICATOR_FIELDS.map((f, i) => html`<div class="ghost-cell">${row[f] ?? ''}${
        i === 0 ? html`<span class="ghost-tag">${t('suggestions.newRow')}</span>${review.inline.canDecide ? decideButtons(s, review.inline.canAccept, true) : nothing}` : nothing
      }</div>`)}
    </div>`;
  });
}

function deletionMark(s: OpenSuggestion, review: DocReview) {
  return html`<span class="delete-suggestion" style=${styleMap({ '--person': review.inline.colorOf(s.author.sub) })} title=${t('suggestions.by', { name: s.author.name })}
    data-testid="delete-suggestion">${t('suggestions.deleteRowLabel')}${review.inline.canDecide ? decideButtons(s, review.inline.canAccept, true) : nothing}</span>`;
}

/** Styles of the grid's review parts. */
export const gridReviewStyles = css`
  [role='row'].suggested-delete [role='gridcell'] { text-decoration: line-through; text-decoration-color: var(--jx-danger); color: #8d1c12; background: #fbe0dd66; }
  /* Inline-flex: an atomic inline box does not inherit the row's strike-through. */
  .delete-suggestion { display: inline-flex; flex-wrap: wrap; gap: 0.15rem; align-items: center; margin-top: 0.15rem; font-size: 0.7rem; color: var(--person); }
  .ghost-row { display: grid; grid-template-columns: subgrid; grid-column: 1 / -1; background: color-mix(in srgb, var(--person) 8%, transparent); }
  .ghost-row .handle-col { display: flex; align-items: center; justify-content: center; color: var(--person); font-weight: 700; }
  .ghost-cell { padding: 0.4rem 0.5rem; border-top: 1px dashed var(--person); border-left: 1px dashed var(--jx-grid-line); color: var(--person); font-style: italic; white-space: pre-wrap; overflow-wrap: anywhere; }
  .ghost-row.stale .ghost-cell { opacity: 0.6; }
  .ghost-tag { display: block; font-size: 0.7rem; font-style: normal; }
`;
