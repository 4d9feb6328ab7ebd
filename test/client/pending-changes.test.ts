import { describe, expect, it } from 'vitest';
import { countPendingPlaces, listPendingChanges } from '../../client/offline/pending-changes.ts';
import { toSuggestion } from '../../client/offline/change-suggestion.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';

describe('the unsent changes of a browser copy', () => {
  const confirmed = makeSmallBudgetText();

  it('counts nothing when the copy equals what the server acknowledged', () => {
    expect(listPendingChanges(makeSmallBudgetText(), confirmed)).toEqual([]);
  });

  it('counts each changed cell, header field and section once, with the value before and after', () => {
    const local = makeSmallBudgetText();
    const reception = local.projects[0]!;
    reception.indicators[0]!.value = '≥50批次';
    reception.indicators[0]!.basis = '2026年工作计划';
    reception.budget.total = 21;
    local.overview.safeguards += '【补充】';
    const changes = listPendingChanges(local, confirmed);
    expect(countPendingPlaces(changes)).toBe(4);
    expect(changes).toEqual([
      { kind: 'section', section: 'safeguards', value: `${confirmed.overview.safeguards}【补充】`, before: confirmed.overview.safeguards },
      { kind: 'header', project: 'p-reception', field: 'budget.total', value: 21, before: 20 },
      { kind: 'cell', project: 'p-reception', indicator: 'r-qty', field: 'value', value: '≥50批次', before: '≥45批次' },
      { kind: 'cell', project: 'p-reception', indicator: 'r-qty', field: 'basis', value: '2026年工作计划', before: '2025年工作计划' },
    ]);
  });

  it('counts a new row by its filled cells and places its suggestion after a row the server has', () => {
    const local = makeSmallBudgetText();
    const rows = local.projects[0]!.indicators;
    const blank = { level1: '', level2: '', name: '', description: '', value: '', basis: '' };
    rows.splice(1, 0, { id: 'n1', ...blank, name: '新增指标', value: '≥1次' }, { id: 'n2', ...blank });
    rows.pop();
    const changes = listPendingChanges(local, confirmed);
    expect(countPendingPlaces(changes)).toBe(2 + 1 + 1);
    expect(changes.map((c) => toSuggestion(c))).toEqual([
      { project: 'p-reception', insertAfter: 'r-qty', indicator: { ...blank, name: '新增指标', value: '≥1次' } },
      { project: 'p-reception', insertAfter: 'r-qty', indicator: blank },
      { project: 'p-reception', indicator: 'r-sat', delete: true },
    ]);
  });

  it('offers cells, header fields and rows as suggestions, never part one\'s text or the title', () => {
    const local = makeSmallBudgetText();
    local.title = '新标题';
    local.overview.overallGoal = '改写';
    local.projects[1]!.indicators[2]!.value = '≤1天';
    local.projects[1]!.purpose = '新的用途';
    expect(listPendingChanges(local, confirmed).map((c) => toSuggestion(c))).toEqual([
      null,
      null,
      { project: 'p-vehicles', field: 'purpose', value: '新的用途' },
      { project: 'p-vehicles', indicator: 'v-time', field: 'value', value: '≤1天' },
    ]);
  });
});
