import { describe, expect, it } from 'vitest';
import { diffBudgetTexts, formatDiffSummary, summarizeDiff, type DiffSummary } from '../../../shared/diff/index.ts';
import { makeSmallBudgetText } from '../../fixtures/small-budget-text.ts';

const ZERO: DiffSummary = {
  projectsAdded: 0,
  projectsRemoved: 0,
  projectsChanged: 0,
  projectsMoved: 0,
  rowsAdded: 0,
  rowsRemoved: 0,
  rowsMoved: 0,
  rowsChanged: 0,
  cellsChanged: 0,
  textSectionsChanged: 0,
  metaFieldsChanged: 0,
};

describe('summarizeDiff and formatDiffSummary', () => {
  it('finds no change between identical documents', () => {
    const diff = diffBudgetTexts(makeSmallBudgetText(), makeSmallBudgetText());
    expect(diff.changes).toEqual([]);
    expect(diff.meta).toEqual([]);
    expect(diff.overview.every((o) => o.status === 'unchanged')).toBe(true);
    expect(diff.projects.flatMap((p) => [p.status, ...p.indicators.map((r) => r.status)]).every((s) => s === 'unchanged')).toBe(true);
    expect(summarizeDiff(diff)).toEqual(ZERO);
    expect(formatDiffSummary(summarizeDiff(diff), 'zh-CN')).toBe('无变化');
    expect(formatDiffSummary(summarizeDiff(diff), 'en')).toBe('No changes');
  });

  it('counts every kind of change', () => {
    const to = makeSmallBudgetText();
    const [reception, vehicles] = to.projects as [(typeof to.projects)[0], (typeof to.projects)[0]];
    to.title = '新标题';
    to.overview.subGoals += '新增目标。';
    reception.budget.total = 30; // header cell
    reception.indicators[0]!.value = '≥50批次'; // row with two cells
    reception.indicators[0]!.basis = '2025年接待计划';
    reception.indicators.splice(1, 1); // row removed
    reception.indicators.push(reception.indicators.shift()!); // row moved
    vehicles.indicators.push({ id: 'v-new', level1: '效益指标', level2: '社会效益指标', name: '定位覆盖率', description: '', value: '100%', basis: '' });
    to.projects.push({ ...structuredClone(vehicles), id: 'p-new', code: 'NEW', indicators: [] });
    const from = makeSmallBudgetText();
    from.projects.push({ ...structuredClone(from.projects[1]!), id: 'p-gone', code: 'GONE', indicators: [] });

    const summary = summarizeDiff(diffBudgetTexts(from, to));
    expect(summary).toEqual({
      ...ZERO,
      projectsAdded: 1,
      projectsRemoved: 1,
      projectsChanged: 2,
      rowsAdded: 1,
      rowsRemoved: 1,
      rowsMoved: 1,
      rowsChanged: 1,
      cellsChanged: 3,
      textSectionsChanged: 1,
      metaFieldsChanged: 1,
    });
    expect(formatDiffSummary(summary, 'zh-CN')).toBe('1 项基本信息有变化，1 个文字部分有变化，2 个项目有变化，新增 1 个项目，删除 1 个项目，3 个单元格，新增 1 行，删除 1 行，移动 1 行');
    expect(formatDiffSummary(summary, 'en')).toBe(
      '1 document field changed, 1 text section changed, 2 projects changed, 1 project added, 1 project removed, 3 cells, 1 row added, 1 row removed, 1 row moved',
    );
  });

  it('formats the example of the issue in both languages', () => {
    const summary: DiffSummary = { ...ZERO, projectsChanged: 3, cellsChanged: 12, rowsAdded: 2, rowsChanged: 5 };
    expect(formatDiffSummary(summary, 'zh-CN')).toBe('3 个项目有变化，12 个单元格，新增 2 行');
    expect(formatDiffSummary(summary, 'en')).toBe('3 projects changed, 12 cells, 2 rows added');
  });

  it('counts a moved project apart from changed ones', () => {
    const to = makeSmallBudgetText();
    to.projects.reverse();
    const summary = summarizeDiff(diffBudgetTexts(makeSmallBudgetText(), to));
    expect(summary).toEqual({ ...ZERO, projectsMoved: 1 });
    expect(formatDiffSummary(summary, 'en')).toBe('1 project moved');
  });
});
