import { html, nothing } from 'lit';
import type { FieldValue, TextSegment } from '../../shared/diff/index.ts';
import { formatDiffValue } from './diff-labels.ts';

/** A text diff as runs: insertions in `<ins>`, deletions in `<del>`, the rest as is. */
export function segmentsTemplate(segments: readonly TextSegment[]) {
  return segments.map((s) =>
    s.kind === 'insert' ? html`<ins data-testid="seg-insert">${s.text}</ins>`
    : s.kind === 'delete' ? html`<del data-testid="seg-delete">${s.text}</del>`
    : s.text,
  );
}

/** A changed value: the old one struck through, an arrow, the new one. */
export function beforeAfterTemplate(before: FieldValue, after: FieldValue, field?: string) {
  return html`<del class="before" data-testid="before">${formatDiffValue(before, field)}</del><span class="arrow" aria-hidden="true">→</span><ins class="after" data-testid="after">${formatDiffValue(after, field)}</ins>`;
}

/** A value that did not change (blank shown as （空） only when `showBlank`). */
export function valueTemplate(value: FieldValue, field?: string, showBlank = false) {
  if ((value === null || value === '') && !showBlank) return nothing;
  return formatDiffValue(value, field);
}
