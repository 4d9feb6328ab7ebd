import { describe, expect, it } from 'vitest';
import { overlaySegments, type TextMark } from '../../client/text/overlay-segments.ts';

const mark = (clientId: number, anchor: number, head: number): TextMark => ({ clientId, name: `u${clientId}`, color: `c${clientId}`, anchor, head });

describe('caret overlay segments', () => {
  it('places a caret between characters', () => {
    const segs = overlaySegments('abcd', [mark(1, 2, 2)]);
    expect(segs.map((s) => (s.kind === 'caret' ? `|${s.mark.name}` : s.text))).toEqual(['ab', '|u1', 'cd']);
  });

  it('highlights a selection in its colour with the caret at its head', () => {
    const segs = overlaySegments('甲乙丙丁', [mark(1, 3, 1)]);
    expect(segs).toEqual([
      { kind: 'text', text: '甲', color: null },
      { kind: 'caret', mark: mark(1, 3, 1) },
      { kind: 'text', text: '乙丙', color: 'c1' },
      { kind: 'text', text: '丁', color: null },
    ]);
  });

  it('clamps positions past the end and keeps several carets at one place', () => {
    const segs = overlaySegments('ab', [mark(1, 9, 9), mark(2, 2, 2)]);
    expect(segs.map((s) => (s.kind === 'caret' ? `|${s.mark.name}` : s.text))).toEqual(['ab', '|u1', '|u2']);
    expect(overlaySegments('', [])).toEqual([]);
  });
});
