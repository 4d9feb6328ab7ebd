import { describe, expect, it } from 'vitest';
import type { BudgetText } from '../../../shared/model/budget-text-schema.ts';
import { matchPreviousValues } from '../../../shared/rollover/previous-values.ts';
import { rollOverBudgetText } from '../../../shared/rollover/roll-over-budget-text.ts';
import { makeSmallBudgetText } from '../../fixtures/small-budget-text.ts';

const withTitle = (title: string): BudgetText => ({ ...makeSmallBudgetText(), title });

describe('rollOverBudgetText', () => {
  it('moves on every 4-digit year equal to the document’s year in the title, and only those', () => {
    expect(rollOverBudgetText(withTitle('机关事务中心2025年部门预算绩效文本')).text.title).toBe('机关事务中心2025年部门预算绩效文本'.replace('2025', '2026'));
    expect(rollOverBudgetText(withTitle('2025 年度（2025年预算）')).text.title).toBe('2026 年度（2026年预算）');
    expect(rollOverBudgetText(withTitle('2024—2025年 编号20251 第12025号')).text.title).toBe('2024—2026年 编号20251 第12025号');
    expect(rollOverBudgetText(withTitle('部门预算绩效文本')).text.title).toBe('部门预算绩效文本');
  });

  it('leaves the source untouched and maps every new id back to its source', () => {
    const source = makeSmallBudgetText();
    const copy = structuredClone(source);
    let n = 0;
    const { text, projects, rows } = rollOverBudgetText(source, () => `n${++n}`);
    expect(source).toEqual(copy);
    expect(text.projects.map((p) => projects[p.id])).toEqual(source.projects.map((p) => p.id));
    expect(text.projects.flatMap((p) => p.indicators.map((r) => rows[r.id]))).toEqual(source.projects.flatMap((p) => p.indicators.map((r) => ({ project: p.id, indicator: r.id }))));
  });

  it('refuses a document without a year, or in the last year the schema accepts, in both languages', () => {
    expect(() => rollOverBudgetText({ ...makeSmallBudgetText(), year: null })).toThrow(/年度.*\/.*year/);
    expect(() => rollOverBudgetText({ ...makeSmallBudgetText(), year: 2100 })).toThrow(/2100/);
  });
});

describe('matchPreviousValues', () => {
  it('prefers lineage, then (二级, 三级) in the project of the same code, preferring a row no lineage claims', () => {
    const before = makeSmallBudgetText();
    const { text, projects, rows } = rollOverBudgetText(before);
    const [p0] = text.projects as [BudgetText['projects'][0]];
    const [r0, r1] = p0.indicators as [BudgetText['projects'][0]['indicators'][0], BudgetText['projects'][0]['indicators'][0]];
    const b0 = before.projects[0]!.indicators;
    // A renamed row keeps its value by lineage; a new row with another row's keys takes that row's.
    r0.name = '改过名的指标';
    p0.indicators.push({ ...r1, id: 'added', value: '' }, { ...r1, id: 'stranger', name: '新指标' });
    const values = matchPreviousValues(text, before, { projects, rows });
    expect(values[r0.id]).toEqual({ value: b0[0]!.value, basis: b0[0]!.basis });
    expect(values['added']).toEqual({ value: b0[1]!.value, basis: b0[1]!.basis });
    expect(values['stranger']).toBeUndefined();
    // Without lineage at all (a project added later with the same code): by code, then keys.
    const byCode = matchPreviousValues(text, before, { projects: {}, rows: {} });
    expect(byCode[r1.id]).toEqual({ value: b0[1]!.value, basis: b0[1]!.basis });
    expect(byCode[r0.id]).toBeUndefined();
  });
});
