import { parseTargetKey, type ReviewTarget } from './review-target.ts';

/** A place found under an event, and the element that shows it. */
export interface EventPlace {
  place: ReviewTarget;
  element: HTMLElement;
}

/**
 * The place an event happened at: the innermost element on its path that carries
 * `data-review-target` (a grid cell, a header field, a text). In a textarea, a selected range
 * becomes the target's `from`–`to`.
 */
export function placeFromEvent(event: Event): EventPlace | null {
  const path = event.composedPath();
  for (const node of path) {
    if (!(node instanceof HTMLElement)) continue;
    const key = node.dataset['reviewTarget'];
    const place = key === undefined ? null : parseTargetKey(key);
    if (!place) continue;
    const first = path[0];
    if (place.kind === 'text' && first instanceof HTMLTextAreaElement && first.selectionEnd > first.selectionStart) {
      return { place: { ...place, from: first.selectionStart, to: first.selectionEnd }, element: first };
    }
    return { place, element: node };
  }
  return null;
}
