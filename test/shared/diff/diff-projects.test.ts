import { describe, expect, it } from 'vitest';
import { diffBudgetTexts } from '../../../shared/diff/index.ts';
import { makeSmallBudgetText } from '../../fixtures/small-budget-text.ts';
import { projectDiff } from './project-lookup.ts';

const base = makeSmallBudgetText;

describe('diffBudgetTexts: projects', () => {
  it('reports an added project in place, with all its rows added', () => {
    const to = base();
    to.projects.splice(1, 0, { ...structuredClone(to.projects[0]!), id: 'p-new', code: 'X1', name: '新增项目', indicators: [{ id: 'n1', level1: '产出指标', level2: '数量指标', name: '新指标', description: '', value: '1', basis: '' }] });
    const diff = diffBudgetTexts(base(), to);
    expect(diff.projects.map((p) => `${p.toId ?? p.fromId}:${p.status}`)).toEqual(['p-reception:unchanged', 'p-new:added', 'p-vehicles:unchanged']);
    const added = projectDiff(diff, 'p-new');
    expect(added.indicators.map((r) => r.status)).toEqual(['added']);
    expect(added.header.name).toBe('新增项目');
    expect(diff.changes).toEqual([{ kind: 'project-added', project: 1 }]);
  });

  it('keeps a removed project where it stood', () => {
    const to = base();
    to.projects.splice(0, 1);
    const diff = diffBudgetTexts(base(), to);
    expect(diff.projects.map((p) => `${p.fromId}:${p.status}`)).toEqual(['p-reception:removed', 'p-vehicles:unchanged']);
    const removed = projectDiff(diff, 'p-reception');
    expect(removed.toId).toBeUndefined();
    expect(removed.name).toBe('接待管理经费');
    expect(removed.indicators.every((r) => r.status === 'removed')).toBe(true);
    expect(diff.changes).toEqual([{ kind: 'project-removed', project: 0 }]);
  });

  it('reports a rename with before and after', () => {
    const to = base();
    to.projects[1]!.name = '公务用车平台运维经费';
    const p = projectDiff(diffBudgetTexts(base(), to), 'p-vehicles');
    expect(p.status).toBe('changed');
    expect(p.renamed).toEqual({ before: '公务用车监督管理平台经费', after: '公务用车平台运维经费' });
    expect(p.fields.map((f) => f.field)).toEqual(['name']);
  });

  it('marks only the moved project as moved, not the ones it passed', () => {
    const from = base();
    from.projects.push({ ...structuredClone(from.projects[1]!), id: 'p-third', code: '13022525P000000000103', name: '第三个项目', indicators: [] });
    const to = structuredClone(from);
    to.projects.push(to.projects.shift()!);
    const diff = diffBudgetTexts(from, to);
    expect(diff.projects.map((p) => `${p.toId}:${p.status}:${p.moved}`)).toEqual(['p-vehicles:unchanged:false', 'p-third:unchanged:false', 'p-reception:changed:true']);
    expect(diff.changes).toEqual([{ kind: 'project-moved', project: 2 }]);
  });

  it('reports each header field with before → after; numbers compare exactly (null ≠ 0)', () => {
    const from = base();
    from.projects[0]!.budget.other = null;
    const to = base();
    const p = to.projects[0]!;
    p.code = '13022525P000000000199';
    p.budget = { total: 25, fiscal: 20, other: 0 };
    p.purpose = '用于公务接待活动的餐费支出。';
    p.goal = '1.规范公务接待，全年完成接待任务50批次。';
    const fields = projectDiff(diffBudgetTexts(from, to), 'p-reception').fields;
    expect(fields.map((f) => [f.field, f.before, f.after])).toEqual([
      ['code', '13022525P000000000101', '13022525P000000000199'],
      ['budget.total', 20, 25],
      ['budget.other', null, 0],
      ['purpose', '用于公务接待活动的餐费、住宿费等支出。', '用于公务接待活动的餐费支出。'],
      ['goal', '1.规范公务接待，全年完成接待任务45批次。', '1.规范公务接待，全年完成接待任务50批次。'],
    ]);
    expect(fields.find((f) => f.field === 'budget.total')?.segments).toBeUndefined();
    expect(fields.find((f) => f.field === 'purpose')?.segments).toEqual([
      { kind: 'equal', text: '用于公务接待活动的餐费' },
      { kind: 'delete', text: '、住宿费等' },
      { kind: 'equal', text: '支出。' },
    ]);
  });

  it('reports the spending plan unit and each checkpoint', () => {
    const to = base();
    to.projects[1]!.spendingPlan = { unit: 'amount', mar: 2, jun: 4.5, oct: null, dec: 100 };
    const fields = projectDiff(diffBudgetTexts(base(), to), 'p-vehicles').fields;
    expect(fields).toEqual([
      { field: 'spendingPlan.unit', before: 'percent', after: 'amount' },
      { field: 'spendingPlan.mar', before: 25, after: 2 },
      { field: 'spendingPlan.jun', before: 50, after: 4.5 },
      { field: 'spendingPlan.oct', before: 75, after: null },
    ]);
  });
});
