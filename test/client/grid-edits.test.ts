import { describe, expect, it } from 'vitest';
import { toBudgetJson, toBudgetYDoc } from '../../shared/model/index.ts';
import { UndoHistory } from '../../client/undo/undo-history.ts';
import { GridCursor } from '../../client/grid/grid-cursor.ts';
import { appendRow, clearSelectedCells, moveRowTo, pasteAtSelection, runRowCommandOnSelection } from '../../client/grid/grid-edits.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';

const P = 'p-reception';

function setup() {
  const doc = toBudgetYDoc(makeSmallBudgetText());
  const origin = { tab: 'me' };
  const history = new UndoHistory(doc, origin);
  const cursor = new GridCursor();
  const ids = () => toBudgetJson(doc).projects[0]!.indicators.map((r) => r.id);
  const sync = () => cursor.setRows(ids());
  sync();
  return { doc, history, cursor, ids, sync, target: { doc, projectId: P, origin, history } };
}

describe('grid cursor and selection edits', () => {
  it('keeps the selection on its rows when they move, and near its place when its row is deleted', () => {
    const { cursor } = setup();
    cursor.moveTo({ row: 1, col: 2 }, false);
    cursor.moveTo({ row: 2, col: 3 }, true);
    expect(cursor.bounds()).toEqual({ top: 1, left: 2, bottom: 2, right: 3 });
    expect(cursor.toCollabCursor(P)).toEqual({ project: P, indicator: 'r-time', field: 'description', range: { indicator: 'r-qual', field: 'name' } });
    cursor.setRows(['r-time', 'r-qty', 'r-qual', 'r-cost']);
    expect(cursor.bounds()).toEqual({ top: 0, left: 2, bottom: 2, right: 3 });
    cursor.setRows(['r-qty', 'r-qual', 'r-cost']);
    expect(cursor.activePosition()).toEqual({ row: 0, col: 3 });
  });

  it('moves a selected block of rows with one key write each way, and undoes it as one step', () => {
    const { cursor, ids, sync, target, history } = setup();
    cursor.moveTo({ row: 1, col: 0 }, false);
    cursor.moveTo({ row: 2, col: 0 }, true);
    expect(runRowCommandOnSelection(target, cursor, ids(), 'moveDown')).toBe(true);
    expect(ids()).toEqual(['r-qty', 'r-cost', 'r-qual', 'r-time', 'r-soc', 'r-sat']);
    sync();
    expect(cursor.bounds()).toEqual({ top: 2, left: 0, bottom: 3, right: 0 });
    history.undo();
    expect(ids()).toEqual(['r-qty', 'r-qual', 'r-time', 'r-cost', 'r-soc', 'r-sat']);
    sync();
    expect(runRowCommandOnSelection(target, cursor, ids(), 'delete')).toBe(true);
    expect(ids()).toEqual(['r-qty', 'r-cost', 'r-soc', 'r-sat']);
    expect(cursor.active?.rowId).toBe('r-cost');
  });

  it('pastes, clears, drags and appends, each selecting what a spreadsheet would', () => {
    const { doc, cursor, ids, sync, target } = setup();
    cursor.moveTo({ row: 5, col: 4 }, false);
    expect(pasteAtSelection(target, cursor, [['a', 'b', 'c'], ['d', 'e', 'f']])).toBe(true);
    sync();
    expect(ids()).toHaveLength(7);
    expect(cursor.bounds()).toEqual({ top: 5, left: 4, bottom: 6, right: 5 });
    expect(clearSelectedCells(target, cursor)).toBe(true);
    expect(toBudgetJson(doc).projects[0]!.indicators.slice(5).map((r) => [r.value, r.basis])).toEqual([['', ''], ['', '']]);
    expect(moveRowTo(target, cursor, 'r-sat', 0)).toBe(true);
    expect(ids()[0]).toBe('r-sat');
    expect(appendRow(target, cursor)).toBe(true);
    sync();
    expect(cursor.activePosition()).toEqual({ row: 7, col: 0 });
  });
});
