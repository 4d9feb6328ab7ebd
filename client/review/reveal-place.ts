import type { FindingPlace } from '../../shared/rules/index.ts';
import { targetKey, type ReviewTarget } from './review-target.ts';

/** The finding place that names the same cell, field or text as `place`. */
function findingPlaceOf(place: ReviewTarget): FindingPlace {
  switch (place.kind) {
    case 'cell': return { project: place.project, indicator: place.indicator, field: place.field };
    case 'header': return { project: place.project, field: place.field };
    case 'text': return place.project ? { project: place.project, field: place.section } : { field: `overview.${place.section}` };
    case 'project': return { project: place.project };
    case 'document': return {};
  }
}

/**
 * Shows and focuses `place` inside a rendered document (`root` holds it), with `reveal` — the
 * document's way of showing a finding's place — and for a text with a range also selects the
 * range in its textarea. False when the place is not on the page (a deleted row, say).
 */
export async function revealPlace(root: ParentNode, place: ReviewTarget, reveal: (place: FindingPlace) => Promise<boolean>): Promise<boolean> {
  const shown = await reveal(findingPlaceOf(place));
  if (!shown || place.kind !== 'text' || place.from === undefined) return shown;
  const area = findDeep(root, `[data-review-target="${CSS.escape(targetKey(place))}"]`);
  const textarea = area && (area instanceof HTMLTextAreaElement ? area : findDeep(area, 'textarea'));
  if (textarea instanceof HTMLTextAreaElement) {
    textarea.focus();
    textarea.setSelectionRange(place.from, place.to ?? place.from);
  }
  return true;
}

/** The first element matching `selector` under `root`, looking into open shadow roots too. */
function findDeep(root: ParentNode, selector: string): Element | null {
  const direct = root.querySelector(selector);
  if (direct) return direct;
  for (const el of root.querySelectorAll('*')) {
    if (!el.shadowRoot) continue;
    const found = findDeep(el.shadowRoot, selector);
    if (found) return found;
  }
  return null;
}
