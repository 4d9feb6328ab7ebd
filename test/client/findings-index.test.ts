import { describe, expect, it } from 'vitest';
import type { Finding, Severity } from '../../shared/rules/index.ts';
import { FindingsIndex, findingsByPlace, placeKey, sameFindings } from '../../client/validation/findings-index.ts';
import { groupFindings } from '../../client/validation/group-findings.ts';
import { worstSeverity } from '../../client/validation/severity.ts';

function finding(ruleId: string, severity: Severity, place: Finding['place'], zh = ruleId): Finding {
  return { ruleId, severity, scope: place.indicator ? 'cell' : place.project ? 'project' : 'document', place, zh, en: zh };
}

const docYear = finding('R-DOC-YEAR', 'warning', { field: 'title' });
const cost = finding('R-COST-LE-BUDGET', 'error', { project: 'p2', indicator: 'r4', field: 'value' });
const blank = finding('R-FUND-OTHER-BLANK', 'info', { project: 'p2', field: 'budget.other' });
const qual = finding('R-IND-OUT-QUAL', 'error', { project: 'p5' });
const sat = finding('R-SAT-OP', 'info', { project: 'p5', indicator: 'r9', field: 'value' });
const all = [docYear, cost, blank, qual, sat];

describe('FindingsIndex', () => {
  it('splits findings into the document\'s and each project\'s, and counts them', () => {
    const index = new FindingsIndex(all);
    expect(index.document).toEqual([docYear]);
    expect(index.forProject('p2')).toEqual([cost, blank]);
    expect(index.forProject('p5')).toEqual([qual, sat]);
    expect(index.forProject('nope')).toEqual([]);
    expect(index.counts).toEqual({ errors: 2, warnings: 1, infos: 2 });
  });

  it('hands out the previous run\'s array for a project whose findings did not change', () => {
    const first = new FindingsIndex(all);
    const edited = finding('R-COST-LE-BUDGET', 'error', { project: 'p2', indicator: 'r4', field: 'value' }, '成本指标= 30万元超过项目预算数20.00万元。');
    const second = new FindingsIndex([docYear, edited, blank, ...structuredClone([qual, sat])], first);
    expect(second.forProject('p5')).toBe(first.forProject('p5'));
    expect(second.document).toBe(first.document);
    expect(second.forProject('p2')).not.toBe(first.forProject('p2'));
    expect(second.unchanged).toBe(false);
    expect(new FindingsIndex(structuredClone(all), first).unchanged).toBe(true);
    expect(first.unchanged).toBe(false);
  });

  it('notices a finding that went away and projects listed in another order', () => {
    const first = new FindingsIndex(all);
    expect(new FindingsIndex([docYear, cost, blank, qual], first).unchanged).toBe(false);
    expect(new FindingsIndex([docYear, qual, sat, cost, blank], first).unchanged).toBe(false);
    expect(new FindingsIndex([cost, blank, qual, sat], first).unchanged).toBe(false);
  });

  it('compares findings by content, fix included', () => {
    const withFix = { ...sat, fix: { zh: '改', en: 'fix', ops: [] } };
    expect(sameFindings([sat], [structuredClone(sat)])).toBe(true);
    expect(sameFindings([sat], [withFix])).toBe(false);
    expect(sameFindings([sat], [])).toBe(false);
  });
});

describe('findingsByPlace', () => {
  it('looks findings up by row and field', () => {
    const map = findingsByPlace(all);
    expect(map.get(placeKey('r4', 'value'))).toEqual([cost]);
    expect(map.get(placeKey(undefined, 'budget.other'))).toEqual([blank]);
    expect(map.get(placeKey(undefined, undefined))).toEqual([qual]);
  });
});

describe('groupFindings', () => {
  it('lists the document first, then projects in validator order, with counts over all severities', () => {
    const groups = groupFindings(all, new Set<Severity>(['error', 'warning', 'info']));
    expect(groups.map((g) => g.projectId)).toEqual([null, 'p2', 'p5']);
    expect(groups[1]).toEqual({ projectId: 'p2', findings: [cost, blank], counts: { errors: 1, warnings: 0, infos: 1 } });
  });

  it('shows only the chosen severities and drops groups left empty', () => {
    const groups = groupFindings(all, new Set<Severity>(['error']));
    expect(groups.map((g) => [g.projectId, g.findings.map((f) => f.ruleId)])).toEqual([
      ['p2', ['R-COST-LE-BUDGET']],
      ['p5', ['R-IND-OUT-QUAL']],
    ]);
    expect(groups[0]?.counts).toEqual({ errors: 1, warnings: 0, infos: 1 });
    expect(groupFindings([], new Set<Severity>(['error']))).toEqual([]);
  });
});

describe('worstSeverity', () => {
  it('picks error over warning over info, and null for none', () => {
    expect(worstSeverity([sat, docYear])).toBe('warning');
    expect(worstSeverity([sat, cost, docYear])).toBe('error');
    expect(worstSeverity([sat])).toBe('info');
    expect(worstSeverity([])).toBeNull();
  });
});
