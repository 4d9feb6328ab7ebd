import { diffChars } from 'diff';
import type { TextSegment } from './budget-diff.ts';
import { tidySegments } from './tidy-segments.ts';

/*
 * Myers' diff costs O(N·D): past this many edits two texts are a rewrite rather than a revision,
 * shown as one delete + insert. 500 bounds a rewrite of a 20k-character section to ~80 ms.
 */
const MAX_EDIT_LENGTH = 500;

/**
 * The character-level (Unicode code point) diff of two texts, tidied for reading (see
 * {@link tidySegments}). Joining the `equal` and `delete` runs gives `before`; joining `equal`
 * and `insert` gives `after`. Equal texts give one `equal` run (none when empty).
 */
export function diffText(before: string, after: string): TextSegment[] {
  if (before === after) return before ? [{ kind: 'equal', text: before }] : [];
  // jsdiff walks common ends one token at a time; slicing them off first keeps a typo in a long section cheap
  const [start, end] = commonEnds(before, after);
  const oldMiddle = before.slice(start, before.length - end);
  const newMiddle = after.slice(start, after.length - end);
  const changes = diffChars(oldMiddle, newMiddle, { maxEditLength: MAX_EDIT_LENGTH });
  const middle: TextSegment[] = changes
    ? changes.map((c) => ({ kind: c.added ? 'insert' : c.removed ? 'delete' : 'equal', text: c.value }))
    : [
        { kind: 'delete', text: oldMiddle },
        { kind: 'insert', text: newMiddle },
      ];
  const segments: TextSegment[] = [
    { kind: 'equal', text: before.slice(0, start) },
    ...middle,
    { kind: 'equal', text: before.slice(before.length - end) },
  ];
  return tidySegments(segments.filter((s) => s.text !== ''));
}

/** Lengths of the common prefix and suffix in UTF-16 units, never splitting a surrogate pair. */
function commonEnds(a: string, b: string): [number, number] {
  const max = Math.min(a.length, b.length);
  let start = 0;
  while (start < max && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  if (start > 0 && isHighSurrogate(a.charCodeAt(start - 1))) start--;
  let end = 0;
  while (end < max - start && a.charCodeAt(a.length - 1 - end) === b.charCodeAt(b.length - 1 - end)) end++;
  if (end > 0 && isLowSurrogate(a.charCodeAt(a.length - end))) end--;
  return [start, end];
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
