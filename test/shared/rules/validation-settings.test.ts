import { describe, expect, it } from 'vitest';
import { DEFAULT_VALIDATION_SETTINGS, validateBudgetText } from '../../../shared/rules/index.ts';
import { applyOpsToJson } from './apply-ops-to-json.ts';
import { findingsOf, makeDoc, mutated, projectOf, rowOf } from './make-doc.ts';

const serious = (doc: Parameters<typeof validateBudgetText>[0], settings?: Parameters<typeof validateBudgetText>[1]) =>
  validateBudgetText(doc, settings).filter((f) => f.severity !== 'info');

describe('validation settings', () => {
  it('defaults to legacy-3, satisfaction ≥ 85 %, catalogue severities', () => {
    expect(DEFAULT_VALIDATION_SETTINGS).toMatchObject({ hierarchy: 'legacy-3', satisfactionMin: 85, satisfactionFloor: 80, moneyTolerance: 0.005 });
    expect(Object.isFrozen(DEFAULT_VALIDATION_SETTINGS)).toBe(true);
  });

  it('switches to mof-2021-4 per document: 成本指标 becomes a required 一级, and the fixes move the cost rows', () => {
    const doc = makeDoc();
    const mof = { hierarchy: 'mof-2021-4' } as const;
    const before = validateBudgetText(doc, mof);
    expect(before.filter((f) => f.ruleId === 'R-IND-YIJI-REQUIRED').map((f) => [f.place.project, f.zh])).toEqual([
      ['p1', '缺少一级指标“成本指标”。'],
      ['p2', '缺少一级指标“成本指标”。'],
    ]);
    const moves = before.filter((f) => f.ruleId === 'R-ROW-ERJI-SCHEMA');
    expect(moves).toHaveLength(2);
    const fixed = applyOpsToJson(doc, moves.flatMap((f) => f.fix?.ops ?? []));
    expect(validateBudgetText(fixed, mof)).toEqual([]);
    // The union hierarchy keeps the converted document valid under legacy-3 too.
    expect(validateBudgetText(fixed)).toEqual([]);
  });

  it('makes R-IND-COST, R-IND-OUT-TIME and R-SAT-THRESHOLD severities configurable', () => {
    const doc = mutated((d) => {
      projectOf(d, 0).indicators.splice(2, 2);
      rowOf(d, 0, 3).value = '≥ 82 %';
    });
    const pick = (settings?: Parameters<typeof validateBudgetText>[1]) =>
      Object.fromEntries(validateBudgetText(doc, settings).filter((f) => ['R-IND-COST', 'R-IND-OUT-TIME', 'R-SAT-THRESHOLD'].includes(f.ruleId)).map((f) => [f.ruleId, f.severity]));
    expect(pick()).toEqual({ 'R-IND-COST': 'warning', 'R-IND-OUT-TIME': 'warning', 'R-SAT-THRESHOLD': 'warning' });
    expect(pick({ hierarchy: 'mof-2021-4' })['R-IND-COST']).toBe('error');
    expect(pick({ severityOverrides: { 'R-IND-COST': 'error', 'R-IND-OUT-TIME': 'info', 'R-SAT-THRESHOLD': 'error' } })).toEqual({ 'R-IND-COST': 'error', 'R-IND-OUT-TIME': 'info', 'R-SAT-THRESHOLD': 'error' });
    expect(pick({ hierarchy: 'mof-2021-4', severityOverrides: { 'R-IND-COST': 'warning' } })['R-IND-COST']).toBe('warning');
  });

  it('keeps the fixed severity of a variant message when the main severity is overridden', () => {
    const doc = mutated((d) => void (projectOf(d, 0).purpose = '示范项目1'));
    expect(findingsOf(doc, 'R-PRJ-USAGE', { severityOverrides: { 'R-PRJ-USAGE': 'warning' } })).toMatchObject([{ severity: 'info' }]);
  });

  it('moves the satisfaction threshold and floor', () => {
    const doc = mutated((d) => void (rowOf(d, 0, 5).value = '≥ 78 %'));
    expect(findingsOf(doc, 'R-SAT-FORMAT')).toHaveLength(1);
    expect(findingsOf(doc, 'R-SAT-FORMAT', { satisfactionFloor: 70 })).toHaveLength(0);
    expect(findingsOf(doc, 'R-SAT-THRESHOLD', { satisfactionFloor: 70 })).toHaveLength(1);
    expect(findingsOf(doc, 'R-SAT-THRESHOLD', { satisfactionFloor: 70, satisfactionMin: 75 })).toHaveLength(0);
  });

  it('turns rules off and ignores undefined fields of partial settings', () => {
    const doc = mutated((d) => void (rowOf(d, 0, 3).value = '= 22 万元'));
    expect(serious(doc, { disabledRules: ['R-COST-LE-BUDGET'] })).toEqual([]);
    expect(serious(doc, { hierarchy: undefined, satisfactionMin: undefined })).toHaveLength(1);
  });
});
