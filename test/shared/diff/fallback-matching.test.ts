import { describe, expect, it } from 'vitest';
import { diffBudgetTexts } from '../../../shared/diff/index.ts';
import type { BudgetText } from '../../../shared/model/index.ts';
import { makeSmallBudgetText } from '../../fixtures/small-budget-text.ts';
import { rowOutline } from './project-lookup.ts';

/** The same text imported a second time: every project and row gets a fresh id. */
function reimported(): BudgetText {
  const doc = makeSmallBudgetText();
  doc.projects.forEach((p, pi) => {
    p.id = `imp-p${pi}`;
    p.indicators.forEach((r, ri) => (r.id = `imp-p${pi}r${ri}`));
  });
  return doc;
}

describe('diffBudgetTexts: two imports without shared ids', () => {
  it('matches by 项目编码 and (二级指标, 三级指标): an identical import shows no change', () => {
    const diff = diffBudgetTexts(makeSmallBudgetText(), reimported());
    expect(diff.matching).toBe('code');
    expect(diff.changes).toEqual([]);
    expect(diff.projects.map((p) => `${p.fromId}>${p.toId}:${p.status}`)).toEqual(['p-reception>imp-p0:unchanged', 'p-vehicles>imp-p1:unchanged']);
  });

  it('uses id matching when the versions share ids', () => {
    expect(diffBudgetTexts(makeSmallBudgetText(), makeSmallBudgetText()).matching).toBe('id');
  });

  it('ignores whitespace and full-width digits in 项目编码, and reports changed cells', () => {
    const to = reimported();
    to.projects[0]!.code = ' 13022525P0000000001０1 ';
    to.projects[0]!.indicators[0]!.value = '≥50批次';
    const diff = diffBudgetTexts(makeSmallBudgetText(), to);
    const p = diff.projects[0]!;
    expect(p).toMatchObject({ status: 'changed', fromId: 'p-reception', toId: 'imp-p0' });
    expect(p.fields.map((f) => f.field)).toEqual(['code']);
    expect(p.indicators[0]).toMatchObject({ status: 'changed', fromId: 'r-qty', toId: 'imp-p0r0', cells: [{ field: 'value', before: '≥45批次', after: '≥50批次' }] });
  });

  it('pairs a project whose code changed by its name', () => {
    const to = reimported();
    to.projects[1]!.code = '13022525P000000000999';
    const p = diffBudgetTexts(makeSmallBudgetText(), to).projects[1]!;
    expect(p).toMatchObject({ status: 'changed', fromId: 'p-vehicles', toId: 'imp-p1' });
    expect(p.fields).toEqual([{ field: 'code', before: '13022525P000000000102', after: '13022525P000000000999', segments: expect.any(Array) }]);
  });

  it('shows a renamed 三级指标 as one changed row while its other cells still match', () => {
    const to = reimported();
    to.projects[0]!.indicators[0]!.name = '年度接待批次';
    const p = diffBudgetTexts(makeSmallBudgetText(), to).projects[0]!;
    expect(p.indicators[0]).toMatchObject({ status: 'changed', fromId: 'r-qty', cells: [{ field: 'name', before: '接待批次', after: '年度接待批次' }] });
  });

  it('shows a row replaced by an unrelated one as removed + added', () => {
    const to = reimported();
    to.projects[0]!.indicators[0] = { id: 'imp-new', level1: '产出指标', level2: '数量指标', name: '培训人次', description: '参加培训人数', value: '≥200人次', basis: '培训计划' };
    const p = diffBudgetTexts(makeSmallBudgetText(), to).projects[0]!;
    expect(rowOutline(p).slice(0, 3)).toEqual(['r-qty:removed', 'imp-new:added', 'imp-p0r1:unchanged']);
  });

  it('shows a row whose 二级指标 was corrected as one changed row', () => {
    const to = reimported();
    to.projects[0]!.indicators[4]!.level2 = '社会效益';
    const p = diffBudgetTexts(makeSmallBudgetText(), to).projects[0]!;
    expect(p.indicators[4]).toMatchObject({ status: 'changed', fromId: 'r-soc', cells: [{ field: 'level2' }] });
  });

  it('marks only a moved row as moved when matching by content', () => {
    const to = reimported();
    const rows = to.projects[0]!.indicators;
    rows.splice(3, 0, ...rows.splice(5, 1));
    const p = diffBudgetTexts(makeSmallBudgetText(), to).projects[0]!;
    expect(p.indicators.filter((r) => r.moved).map((r) => r.fromId)).toEqual(['r-sat']);
  });
});
