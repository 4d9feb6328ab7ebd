import { describe, expect, it } from 'vitest';
import { diffWithCaret, mapIndexThroughDelta } from '../../client/text/text-edit.ts';

describe('diffWithCaret', () => {
  it('finds nothing when the text did not change', () => {
    expect(diffWithCaret('接待', '接待', 2)).toBeNull();
  });

  it('finds a typed character, a deletion and a replaced selection', () => {
    expect(diffWithCaret('接待批次', '接待45批次', 4)).toEqual({ index: 2, deleteCount: 0, insert: '45' });
    expect(diffWithCaret('接待45批次', '接待批次', 2)).toEqual({ index: 2, deleteCount: 2, insert: '' });
    expect(diffWithCaret('≥95%', '≥98%', 3)).toEqual({ index: 2, deleteCount: 1, insert: '8' });
  });

  it('places an insertion inside repeated characters where the caret says it was typed', () => {
    // "aa" → "aaa" with the caret after the first character: the user typed at index 0, not 2.
    expect(diffWithCaret('aa', 'aaa', 1)).toEqual({ index: 0, deleteCount: 0, insert: 'a' });
    expect(diffWithCaret('aa', 'aaa', 3)).toEqual({ index: 2, deleteCount: 0, insert: 'a' });
    expect(diffWithCaret('100', '1000', 2)).toEqual({ index: 1, deleteCount: 0, insert: '0' });
  });

  it('handles a paste replacing the whole text', () => {
    expect(diffWithCaret('旧内容', '新的内容全部', 6)).toEqual({ index: 0, deleteCount: 3, insert: '新的内容全部' });
    const edit = diffWithCaret('旧内容', '新的内容全部', 6);
    expect(edit && '旧内容'.slice(0, edit.index) + edit.insert + '旧内容'.slice(edit.index + edit.deleteCount)).toBe('新的内容全部');
  });
});

describe('mapIndexThroughDelta', () => {
  it('shifts a position after a colleague\'s insertion before it, and not for one after it', () => {
    expect(mapIndexThroughDelta(5, [{ retain: 2 }, { insert: 'xyz' }])).toBe(8);
    expect(mapIndexThroughDelta(1, [{ retain: 2 }, { insert: 'xyz' }])).toBe(1);
  });

  it('pulls a position back over deleted text, but not past the deletion\'s start', () => {
    expect(mapIndexThroughDelta(6, [{ retain: 1 }, { delete: 3 }])).toBe(3);
    expect(mapIndexThroughDelta(2, [{ retain: 1 }, { delete: 3 }])).toBe(1);
  });

  it('keeps the caret in front of text inserted exactly at it (assoc -1) or moves it behind (assoc 1)', () => {
    expect(mapIndexThroughDelta(3, [{ retain: 3 }, { insert: 'ab' }], -1)).toBe(3);
    expect(mapIndexThroughDelta(3, [{ retain: 3 }, { insert: 'ab' }], 1)).toBe(5);
  });

  it('counts an embedded object as one position', () => {
    expect(mapIndexThroughDelta(4, [{ insert: { image: 'x' } }])).toBe(5);
  });
});
