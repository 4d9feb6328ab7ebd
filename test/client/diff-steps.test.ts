import { describe, expect, it } from 'vitest';
import { changeElementId, stepChange, stepKeyDirection } from '../../client/compare/diff-steps.ts';
import { compactSegments } from '../../client/history/compact-segments.ts';
import { diffBudgetTexts } from '../../shared/diff/index.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';

describe('next/previous change', () => {
  it('starts at the first or last change and wraps around at either end', () => {
    expect(stepChange(3, null, 1)).toBe(0);
    expect(stepChange(3, null, -1)).toBe(2);
    expect(stepChange(3, 0, 1)).toBe(1);
    expect(stepChange(3, 2, 1)).toBe(0);
    expect(stepChange(3, 0, -1)).toBe(2);
    expect(stepChange(0, null, 1)).toBeNull();
    expect(stepChange(2, 5, 1)).toBe(0);
  });

  it('steps with n / ] and p / [, not with modifiers', () => {
    const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {}) => stepKeyDirection({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });
    expect([key('n'), key(']'), key('p'), key('['), key('x'), key('n', { ctrlKey: true })]).toEqual([1, 1, -1, -1, null, null]);
  });

  it('names a distinct element for every change of a real comparison', () => {
    const before = makeSmallBudgetText();
    const after = makeSmallBudgetText();
    after.title = '新标题';
    after.overview.safeguards += '补充。';
    after.projects[0]!.budget.total = 21;
    after.projects[0]!.indicators[0]!.value = '≥50批次';
    after.projects[0]!.indicators.splice(2, 1);
    after.projects[1]!.indicators.push({ id: 'v-new', level1: '产出指标', level2: '数量指标', name: '新指标', description: '', value: '≥1次', basis: '' });
    const diff = diffBudgetTexts(before, after);
    const ids = diff.changes.map(changeElementId);
    expect(ids).toEqual(['meta-title', 'overview-safeguards', 'project-0-budget.total', 'row-0-0-value', 'row-0-2', 'row-1-6']);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('compactSegments', () => {
  it('keeps changes whole and shortens long unchanged runs around them', () => {
    const segments = compactSegments([
      { kind: 'equal', text: '一二三四五六七八九十甲乙丙' },
      { kind: 'insert', text: '新增' },
      { kind: 'equal', text: '子丑寅卯辰巳午未申酉戌亥天地玄黄' },
      { kind: 'delete', text: '删' },
      { kind: 'equal', text: '尾' },
    ], 3);
    expect(segments).toEqual([
      { kind: 'equal', text: '…甲乙丙' },
      { kind: 'insert', text: '新增' },
      { kind: 'equal', text: '子丑寅…地玄黄' },
      { kind: 'delete', text: '删' },
      { kind: 'equal', text: '尾' },
    ]);
  });

  it('leaves a short or unchanged text as it is', () => {
    expect(compactSegments([{ kind: 'equal', text: '不变的一段很长很长的文字' }], 2)).toEqual([{ kind: 'equal', text: '不变的一段很长很长的文字' }]);
    expect(compactSegments([{ kind: 'equal', text: '短' }, { kind: 'insert', text: '加' }], 3)).toEqual([{ kind: 'equal', text: '短' }, { kind: 'insert', text: '加' }]);
  });
});
