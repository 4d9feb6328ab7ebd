import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { diffBudgetTexts, summarizeDiff } from '../../../shared/diff/index.ts';
import { addIndicator, editText, moveIndicator, removeIndicator, setBudget, setIndicatorField, toBudgetJson, toBudgetYDoc } from '../../../shared/model/index.ts';
import { makeSmallBudgetText } from '../../fixtures/small-budget-text.ts';
import { rowDiff, rowOutline, projectDiff } from './project-lookup.ts';

describe('diffBudgetTexts: a version against the merge of concurrent edits', () => {
  it('reports both colleagues’ changes', () => {
    const base = makeSmallBudgetText();
    const alice = toBudgetYDoc(base);
    const bob = new Y.Doc();
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice));

    // offline at the same time
    setIndicatorField(alice, 'p-reception', 'r-qty', 'value', '≥50批次');
    moveIndicator(alice, 'p-reception', 'r-sat', 0);
    editText(alice, { section: 'safeguards' }, 4, 0, '绩效');
    const added = addIndicator(bob, 'p-vehicles', { level1: '产出指标', level2: '质量指标', name: '定位准确率', value: '≥98%' }, 1);
    removeIndicator(bob, 'p-reception', 'r-time');
    setBudget(bob, 'p-vehicles', 'total', 9);
    setIndicatorField(bob, 'p-reception', 'r-qty', 'basis', '2025年接待计划');

    Y.applyUpdate(alice, Y.encodeStateAsUpdate(bob));
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice));
    const merged = toBudgetJson(alice);
    expect(toBudgetJson(bob)).toEqual(merged);

    const diff = diffBudgetTexts(base, merged);
    expect(diff.matching).toBe('id');
    expect(rowDiff(diff, 'p-reception', 'r-qty').cells.map((c) => [c.field, c.after])).toEqual([
      ['value', '≥50批次'],
      ['basis', '2025年接待计划'],
    ]);
    expect(rowOutline(projectDiff(diff, 'p-reception'))).toEqual([
      'r-sat:changed:moved',
      'r-qty:changed',
      'r-qual:unchanged',
      'r-time:removed',
      'r-cost:unchanged',
      'r-soc:unchanged',
    ]);
    expect(rowDiff(diff, 'p-vehicles', added ?? '')).toMatchObject({ status: 'added', toIndex: 1, row: { name: '定位准确率' } });
    expect(projectDiff(diff, 'p-vehicles').fields).toEqual([{ field: 'budget.total', before: 8.5, after: 9 }]);
    expect(diff.overview[2]?.segments.filter((s) => s.kind !== 'equal')).toEqual([{ kind: 'insert', text: '绩效' }]);
    expect(summarizeDiff(diff)).toMatchObject({ projectsChanged: 2, rowsAdded: 1, rowsRemoved: 1, rowsMoved: 1, rowsChanged: 1, cellsChanged: 3, textSectionsChanged: 1 });
  });
});
