import { describe, expect, it } from 'vitest';
import { cellsIn, edgesAt, fitPasteToSelection, isMultiCell, rangeBounds } from '../../client/grid/grid-selection.ts';

describe('grid selection ranges', () => {
  it('spans the rectangle between anchor and active cell, whichever way it was dragged', () => {
    const b = rangeBounds({ anchor: { row: 3, col: 4 }, active: { row: 1, col: 2 } });
    expect(b).toEqual({ top: 1, left: 2, bottom: 3, right: 4 });
    expect(cellsIn({ top: 0, left: 0, bottom: 1, right: 1 })).toEqual([{ row: 0, col: 0 }, { row: 0, col: 1 }, { row: 1, col: 0 }, { row: 1, col: 1 }]);
    expect(isMultiCell({ anchor: { row: 1, col: 1 }, active: { row: 1, col: 1 } })).toBe(false);
  });

  it('tells which outline edges a cell carries', () => {
    const b = { top: 1, left: 1, bottom: 2, right: 3 };
    expect(edgesAt(b, { row: 1, col: 1 })).toEqual({ top: true, right: false, bottom: false, left: true });
    expect(edgesAt(b, { row: 2, col: 3 })).toEqual({ top: false, right: true, bottom: true, left: false });
    expect(edgesAt(b, { row: 0, col: 1 })).toBeNull();
  });

  it('fills a selection with one copied cell and pastes blocks from the top-left', () => {
    expect(fitPasteToSelection([['x']], { top: 1, left: 2, bottom: 2, right: 3 })).toEqual({ at: { row: 1, col: 2 }, matrix: [['x', 'x'], ['x', 'x']] });
    expect(fitPasteToSelection([['a', 'b']], { top: 4, left: 0, bottom: 6, right: 5 })).toEqual({ at: { row: 4, col: 0 }, matrix: [['a', 'b']] });
  });
});
