import { describe, expect, it } from 'vitest';
import { diffBudgetTexts } from '../../../shared/diff/index.ts';
import type { Indicator } from '../../../shared/model/index.ts';
import { makeSmallBudgetText } from '../../fixtures/small-budget-text.ts';
import { projectDiff, rowDiff, rowOutline } from './project-lookup.ts';

const base = makeSmallBudgetText;
const newRow: Indicator = { id: 'r-new', level1: '产出指标', level2: '数量指标', name: '接待人数', description: '年度接待人数', value: '≥300人', basis: '2025年工作计划' };

function rowsOf(doc: ReturnType<typeof base>): Indicator[] {
  return doc.projects[0]!.indicators;
}

describe('diffBudgetTexts: indicator rows', () => {
  it('reports an added row at its place and counts it as a change', () => {
    const to = base();
    rowsOf(to).splice(1, 0, newRow);
    const diff = diffBudgetTexts(base(), to);
    const p = projectDiff(diff, 'p-reception');
    expect(p.status).toBe('changed');
    expect(rowOutline(p)).toEqual(['r-qty:unchanged', 'r-new:added', 'r-qual:unchanged', 'r-time:unchanged', 'r-cost:unchanged', 'r-soc:unchanged', 'r-sat:unchanged']);
    expect(rowDiff(diff, 'p-reception', 'r-new')).toMatchObject({ toIndex: 1, row: newRow, cells: [] });
    expect(diff.changes).toEqual([{ kind: 'row-added', project: 0, indicator: 1 }]);
  });

  it('keeps a removed row where it stood, with its content', () => {
    const to = base();
    rowsOf(to).splice(2, 1);
    const diff = diffBudgetTexts(base(), to);
    const p = projectDiff(diff, 'p-reception');
    expect(rowOutline(p)).toEqual(['r-qty:unchanged', 'r-qual:unchanged', 'r-time:removed', 'r-cost:unchanged', 'r-soc:unchanged', 'r-sat:unchanged']);
    expect(rowDiff(diff, 'p-reception', 'r-time')).toMatchObject({ fromIndex: 2, row: { name: '完成时限' } });
  });

  it('marks only the one moved row as moved', () => {
    const to = base();
    const rows = rowsOf(to);
    rows.splice(4, 0, ...rows.splice(0, 1));
    const p = projectDiff(diffBudgetTexts(base(), to), 'p-reception');
    expect(rowOutline(p)).toEqual(['r-qual:unchanged', 'r-time:unchanged', 'r-cost:unchanged', 'r-soc:unchanged', 'r-qty:changed:moved', 'r-sat:unchanged']);
    expect(p.indicators.find((r) => r.moved)).toMatchObject({ fromIndex: 0, toIndex: 4, cells: [] });
  });

  it('does not mark rows as moved when others are added or removed around them', () => {
    const to = base();
    const rows = rowsOf(to);
    rows.splice(0, 2);
    rows.push(newRow);
    const p = projectDiff(diffBudgetTexts(base(), to), 'p-reception');
    expect(p.indicators.some((r) => r.moved)).toBe(false);
  });

  it('reports each changed cell with before → after and character segments', () => {
    const to = base();
    const row = rowsOf(to)[0]!;
    row.value = '≥50批次';
    row.basis = '';
    const r = rowDiff(diffBudgetTexts(base(), to), 'p-reception', 'r-qty');
    expect(r.status).toBe('changed');
    expect(r.moved).toBe(false);
    expect(r.cells).toEqual([
      {
        field: 'value',
        before: '≥45批次',
        after: '≥50批次',
        segments: [
          { kind: 'equal', text: '≥' },
          { kind: 'delete', text: '45' },
          { kind: 'insert', text: '50' },
          { kind: 'equal', text: '批次' },
        ],
      },
      { field: 'basis', before: '2025年工作计划', after: '', segments: [{ kind: 'delete', text: '2025年工作计划' }] },
    ]);
  });

  it('lists a moved and edited row once as moved, then per cell, for navigation', () => {
    const to = base();
    const rows = rowsOf(to);
    rows.push(rows.shift()!);
    rows[5]!.description = '年度接待总批次';
    const diff = diffBudgetTexts(base(), to);
    expect(diff.changes).toEqual([
      { kind: 'row-moved', project: 0, indicator: 5 },
      { kind: 'cell', project: 0, indicator: 5, field: 'description' },
    ]);
  });
});
