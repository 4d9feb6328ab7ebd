import { css, html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { formatDiffValue } from '../compare/diff-labels.ts';
import { t } from '../i18n/i18n.ts';
import { ReviewActionEvent, SuggestionDecideEvent } from './review-events.ts';
import type { OpenSuggestion } from './review-index.ts';
import type { ReviewTarget } from './review-target.ts';

/*
 * Review marks inside the document's own elements (grid cells, header fields, texts): the
 * corner marker of open comment threads and suggested values shown inline. Templates, not
 * elements, so a cell stays one element; the hosts add {@link reviewMarkStyles}.
 */

/** What a host needs to show and decide suggestions inline. */
export interface InlineReview {
  /** The colour of a reviewer's suggestions: their presence colour, else a stable one from their sub. */
  colorOf(sub: string): string;
  /** The user may accept or reject (owner, editor). */
  canDecide: boolean;
  /** Accepting is possible in the document's current status. */
  canAccept: boolean;
}

/**
 * ✓ 采纳 and ✗ 拒绝 for one suggestion. Accept is disabled while content is locked
 * (`acceptEnabled` false) and, with the reason as its title, when the suggestion is stale.
 */
export function decideButtons(s: OpenSuggestion, acceptEnabled: boolean, compact = false) {
  const acceptTitle = s.stale ? t('suggestions.staleExplain') : t('suggestions.acceptTitle', { name: s.author.name });
  const rejectTitle = t('suggestions.rejectTitle', { name: s.author.name });
  const decide = (accept: boolean) => (e: Event) => {
    e.stopPropagation();
    e.currentTarget?.dispatchEvent(new SuggestionDecideEvent(s.id, accept));
  };
  return html`<button class="decide accept" data-testid="suggestion-accept" title=${acceptTitle} aria-label=${acceptTitle} ?disabled=${s.stale || !acceptEnabled}
      @click=${decide(true)} @dblclick=${stop} @pointerdown=${stop}>✓${compact ? nothing : ` ${t('suggestions.accept')}`}</button><button class="decide reject"
      data-testid="suggestion-reject" title=${rejectTitle} aria-label=${rejectTitle} @click=${decide(false)} @dblclick=${stop} @pointerdown=${stop}>✗${compact ? nothing : ` ${t('suggestions.reject')}`}</button>`;
}

/**
 * A value with its open suggestions: the current value struck through, each suggested value in
 * its reviewer's colour, with 采纳/拒绝 for those who may decide. Nothing when there are none.
 */
export function inlineSuggestions(current: string | number | null, suggestions: readonly OpenSuggestion[], review: InlineReview, field?: string) {
  if (suggestions.length === 0) return nothing;
  return html`<span class="suggested-values" data-testid="inline-suggestion"><del class="suggested-old">${formatDiffValue(current, field)}</del>${suggestions.map(
    (s) => html`<span class="suggested ${s.stale ? 'stale' : ''}" style=${styleMap({ '--person': review.colorOf(s.author.sub) })} title=${t('suggestions.by', { name: s.author.name })}
      data-suggestion-id=${s.id}><ins data-testid="inline-suggested-value">${formatDiffValue(s.value ?? null, field)}</ins>${s.stale ? html`<small class="stale-tag">${t('suggestions.stale')}</small>` : nothing}${
        review.canDecide ? decideButtons(s, review.canAccept, true) : nothing
      }</span>`,
  )}</span>`;
}

/** The corner marker of a place with open comment threads: their count; a click shows them. */
export function commentMarker(count: number, place: ReviewTarget) {
  if (count === 0) return nothing;
  const label = t('review.commentCount', { count });
  const show = (e: Event) => {
    e.stopPropagation();
    e.currentTarget?.dispatchEvent(new ReviewActionEvent('threads', place, e.currentTarget instanceof HTMLElement ? e.currentTarget : null));
  };
  return html`<button class="comment-marker" data-testid="comment-marker" title=${label} aria-label=${label} @click=${show} @pointerdown=${stop} @dblclick=${stop}>${count}</button>`;
}

function stop(e: Event): void {
  e.stopPropagation();
}

/** Styles of the review marks, for the elements that show them. */
export const reviewMarkStyles = css`
  .comment-marker {
    position: absolute; top: 0; right: 0; z-index: 1; min-width: 1rem; height: 1rem; padding: 0 0.2rem; border: none; border-radius: 0 0 0 6px;
    background: #f2b705; color: #3d2c00; font: 600 0.65rem/1rem var(--jx-font, sans-serif); cursor: pointer;
  }
  .comment-marker:hover, .comment-marker:focus-visible { background: #e0a800; outline: none; }
  .suggested-values { display: inline; }
  .suggested-old { color: #8d1c12; background: #fbe0dd; text-decoration: line-through; margin-right: 0.25rem; }
  .suggested { display: inline-flex; flex-wrap: wrap; align-items: baseline; gap: 0.15rem; margin-right: 0.3rem; }
  .suggested ins { text-decoration: underline dotted; color: var(--person); font-weight: 600; }
  .suggested.stale ins { opacity: 0.6; }
  .stale-tag { color: var(--jx-warn); font-size: 0.7rem; }
  /* At least 24×24 px (WCAG 2.2 target size), even the compact ✓/✗ inside a cell. */
  .decide { font: inherit; font-size: 0.72rem; line-height: 1.2; padding: 0 0.3rem; min-width: 24px; min-height: 24px; display: inline-flex; align-items: center; justify-content: center; vertical-align: middle; border: 1px solid var(--jx-border); border-radius: 3px; background: var(--jx-surface); cursor: pointer; }
  .decide.accept { color: var(--jx-ok); }
  .decide.reject { color: var(--jx-danger); }
  .decide:disabled { opacity: 0.45; cursor: not-allowed; }
`;
