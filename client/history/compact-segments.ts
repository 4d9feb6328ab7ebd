import type { TextSegment } from '../../shared/diff/index.ts';

/**
 * A text diff shortened for a popover: unchanged runs longer than twice `context` characters
 * keep only `context` characters next to each change (or at the end of the text), with `…` for
 * what was left out. Changed runs are kept whole.
 */
export function compactSegments(segments: readonly TextSegment[], context = 12): TextSegment[] {
  return segments.map((s, i) => {
    if (s.kind !== 'equal') return s;
    const chars = [...s.text];
    const hasBefore = i > 0;
    const hasAfter = i < segments.length - 1;
    const keep = (hasBefore ? context : 0) + (hasAfter ? context : 0);
    if (chars.length <= keep + 1 || (!hasBefore && !hasAfter)) return s;
    const head = hasBefore ? chars.slice(0, context).join('') : '';
    const tail = hasAfter ? chars.slice(chars.length - context).join('') : '';
    return { kind: 'equal', text: `${head}…${tail}` };
  });
}
