import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { indicatorsOf, projectsMap, sortedEntries, toBudgetYDoc } from '../../shared/model/index.ts';
import { findMatches, foldText } from '../../client/find/find-matches.ts';
import { fillWrites } from '../../client/grid/grid-fill.ts';
import { selectionStats } from '../../client/grid/selection-stats.ts';
import { canWithdraw } from '../../shared/review/workflow.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';

const rowsOf = (doc: Y.Doc) => sortedEntries(indicatorsOf(projectsMap(doc).get('p-reception')!));

describe('find: folding and matching over the document model', () => {
  it('folds full-width forms and case one character for one', () => {
    expect(foldText('ＡＢｃ　１２％')).toBe('abc 12%');
    expect(foldText('ＡＢｃ　１２％')).toHaveLength('ＡＢｃ　１２％'.length);
  });

  it('finds every occurrence in sections, header fields and cells, in reading order', () => {
    const doc = toBudgetYDoc(makeSmallBudgetText());
    const matches = findMatches(doc, '接待', { wholeCell: false, loose: true });
    expect(matches[0]!.place).toEqual({ field: 'overview.subGoals' });
    expect(matches.filter((m) => m.place.field === 'overview.subGoals').map((m) => m.from)).toEqual([0, 7, 14]);
    expect(matches.some((m) => m.place.field === 'name' && m.place.project === 'p-reception')).toBe(true);
    expect(findMatches(doc, '接待批次', { wholeCell: true, loose: false }).map((m) => m.place)).toEqual([{ project: 'p-reception', indicator: 'r-qty', field: 'name' }]);
    expect(findMatches(doc, '', { wholeCell: false, loose: true })).toEqual([]);
  });
});

describe('fill down / right', () => {
  it('copies the top row down and the left column right; a single cell takes its neighbour', () => {
    const rows = rowsOf(toBudgetYDoc(makeSmallBudgetText()));
    // Rows 1–3 already hold the top row's basis: nothing to write.
    expect(fillWrites(rows, { top: 0, bottom: 2, left: 5, right: 5 }, 'down')).toEqual([]);
    const cost = fillWrites(rows, { top: 2, bottom: 3, left: 5, right: 5 }, 'down');
    expect(cost).toEqual([{ indicator: 'r-cost', field: 'basis', value: '2025年工作计划' }]);
    expect(fillWrites(rows, { top: 0, bottom: 0, left: 2, right: 3 }, 'right')).toEqual([{ indicator: 'r-qty', field: 'description', value: '接待批次' }]);
    expect(fillWrites(rows, { top: 1, bottom: 1, left: 3, right: 3 }, 'down')).toEqual([{ indicator: 'r-qual', field: 'description', value: '年度接待批次' }]);
    expect(fillWrites(rows, { top: 0, bottom: 0, left: 0, right: 0 }, 'down')).toEqual([]);
  });
});

describe('selection statistics', () => {
  it('counts non-blank cells and sums only numbers', () => {
    expect(selectionStats(['1,200.5', '99.5', '', '≥45批次', '３'])).toEqual({ count: 4, sum: 1303, average: 434.333333 });
    expect(selectionStats(['文字', '']).sum).toBeNull();
    expect(selectionStats(['0.1', '0.2']).sum).toBe(0.3);
  });
});

describe('撤回', () => {
  const submit = { at: '2026-01-01T00:00:00Z', user: { sub: 'bob' }, action: 'status', to: 'submitted' };
  it('is the submitter’s until someone else comments or suggests', () => {
    expect(canWithdraw('bob', { status: 'submitted', activity: [submit], reviewActs: [] })).toBe(true);
    expect(canWithdraw('alice', { status: 'submitted', activity: [submit], reviewActs: [] })).toBe(false);
    expect(canWithdraw('bob', { status: 'returned', activity: [submit], reviewActs: [] })).toBe(false);
    expect(canWithdraw('bob', { status: 'submitted', activity: [submit], reviewActs: [{ at: '2025-12-31T00:00:00Z', by: 'dave' }, { at: '2026-01-02T00:00:00Z', by: 'bob' }] })).toBe(true);
    expect(canWithdraw('bob', { status: 'submitted', activity: [submit], reviewActs: [{ at: '2026-01-02T00:00:00Z', by: 'dave' }] })).toBe(false);
  });
});
