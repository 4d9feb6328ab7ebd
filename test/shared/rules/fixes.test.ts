import { describe, expect, it } from 'vitest';
import type { BudgetText } from '../../../shared/model/budget-text-schema.ts';
import { validateBudgetText, type Finding } from '../../../shared/rules/index.ts';
import { applyOpsToJson } from './apply-ops-to-json.ts';
import { findingsOf, mutated, projectOf, rowOf } from './make-doc.ts';

/** The single finding of `ruleId`, asserting that it carries a fix. */
function onlyFix(doc: BudgetText, ruleId: string): NonNullable<Finding['fix']> {
  const found = findingsOf(doc, ruleId);
  expect(found).toHaveLength(1);
  const fix = found[0]?.fix;
  if (!fix) throw new Error(`${ruleId} has no fix`);
  expect(fix.zh).toMatch(/[\u4e00-\u9fff]/);
  expect(fix.en).toMatch(/[A-Za-z]/);
  return fix;
}

/** Applying the fix resolves the finding (an ordinary edit, so re-validation no longer reports it). */
function expectResolved(doc: BudgetText, ruleId: string): void {
  const fixed = applyOpsToJson(doc, onlyFix(doc, ruleId).ops);
  expect(findingsOf(fixed, ruleId)).toEqual([]);
}

describe('one-click fixes', () => {
  it('R-PLAN-UNIT converts a 万元 plan to cumulative % of 预算数, 2 decimals, blanks kept', () => {
    const doc = mutated((d) => {
      projectOf(d, 0).budget = { total: 30, fiscal: 30, other: 0 };
      rowOf(d, 0, 3).value = '≤ 30 万元';
      projectOf(d, 0).spendingPlan = { unit: 'amount', mar: null, jun: 20, oct: 25, dec: 30 };
    });
    expect(onlyFix(doc, 'R-PLAN-UNIT').ops).toEqual([{ op: 'setSpendingPlan', project: 'p1', plan: { unit: 'percent', mar: null, jun: 66.67, oct: 83.33, dec: 100 } }]);
    expectResolved(doc, 'R-PLAN-UNIT');
  });

  it('R-VAL-FORMAT writes ≥ for >= and ≤ for <=, keeping the spacing', () => {
    const doc = mutated((d) => void (rowOf(d, 0, 5).value = '>= 95 %'));
    expect(onlyFix(doc, 'R-VAL-FORMAT').ops).toEqual([{ op: 'setIndicatorField', project: 'p1', indicator: 'p1i6', field: 'value', value: '≥ 95 %' }]);
    expectResolved(doc, 'R-VAL-FORMAT');
    const cost = mutated((d) => void (rowOf(d, 0, 3).value = '<=２０万元'));
    expect(onlyFix(cost, 'R-VAL-FORMAT').ops[0]).toMatchObject({ value: '≤20万元' });
  });

  it('R-VAL-UNIT-REDUNDANT drops 百分比', () => {
    const doc = mutated((d) => void (rowOf(d, 0, 1).value = '= 100 %百分比'));
    expect(onlyFix(doc, 'R-VAL-UNIT-REDUNDANT').ops).toEqual([{ op: 'setIndicatorField', project: 'p1', indicator: 'p1i2', field: 'value', value: '= 100 %' }]);
    expectResolved(doc, 'R-VAL-UNIT-REDUNDANT');
    const spelled = mutated((d) => void (rowOf(d, 0, 1).value = '= 100 百分比'));
    expect(onlyFix(spelled, 'R-VAL-UNIT-REDUNDANT').ops[0]).toMatchObject({ value: '= 100 %' });
  });

  it('R-PRJ-CODE-FORMAT joins a code wrapped over lines', () => {
    const doc = mutated((d) => void (projectOf(d, 0).code = '13022525P00NB791000\n01'));
    expect(onlyFix(doc, 'R-PRJ-CODE-FORMAT').ops).toEqual([{ op: 'setProjectField', project: 'p1', field: 'code', value: '13022525P00NB79100001' }]);
    expectResolved(doc, 'R-PRJ-CODE-FORMAT');
    expect(findingsOf(mutated((d) => void (projectOf(d, 0).code = '1302 25')), 'R-PRJ-CODE-FORMAT')[0]?.fix).toBeUndefined();
  });

  it('R-TXT-TYPO replaces every occurrence in the cell', () => {
    const doc = mutated((d) => void (rowOf(d, 0, 0).basis = '补涉及；补涉及'));
    expect(onlyFix(doc, 'R-TXT-TYPO').ops).toEqual([{ op: 'setIndicatorField', project: 'p1', indicator: 'p1i1', field: 'basis', value: '不涉及；不涉及' }]);
    const prose = mutated((d) => void (d.overview.safeguards = '提出意见意见。'));
    expect(onlyFix(prose, 'R-TXT-TYPO').ops).toEqual([{ op: 'setOverview', section: 'safeguards', value: '提出意见。' }]);
    expectResolved(prose, 'R-TXT-TYPO');
  });

  it('R-TXT-MARKUP strips tags, bookmarks and LaTeX', () => {
    const html = mutated((d) => void (rowOf(d, 0, 0).description = '<p>组织专题培训</p>'));
    expect(onlyFix(html, 'R-TXT-MARKUP').ops).toEqual([{ op: 'setIndicatorField', project: 'p1', indicator: 'p1i1', field: 'description', value: '组织专题培训' }]);
    expectResolved(html, 'R-TXT-MARKUP');
    const latex = mutated((d) => void (rowOf(d, 0, 5).value = '$\\geq 95\\%$'));
    expect(onlyFix(latex, 'R-TXT-MARKUP').ops[0]).toMatchObject({ value: '≥95%' });
    const goal = mutated((d) => void (projectOf(d, 0).goal = '[bookmark: _Toc_1]1.完成培训'));
    expect(onlyFix(goal, 'R-TXT-MARKUP').ops).toEqual([{ op: 'setProjectText', project: 'p1', field: 'goal', value: '1.完成培训' }]);
  });

  it('R-SAT-OP writes ≥ instead of >', () => {
    const doc = mutated((d) => void (rowOf(d, 0, 5).value = '> 90 %'));
    expect(onlyFix(doc, 'R-SAT-OP').ops).toEqual([{ op: 'setIndicatorField', project: 'p1', indicator: 'p1i6', field: 'value', value: '≥ 90 %' }]);
    expectResolved(doc, 'R-SAT-OP');
  });

  it('R-FUND-OTHER-BLANK stores 0', () => {
    const doc = mutated((d) => void (projectOf(d, 0).budget.other = null));
    expect(onlyFix(doc, 'R-FUND-OTHER-BLANK').ops).toEqual([{ op: 'setBudget', project: 'p1', field: 'other', value: 0 }]);
    expectResolved(doc, 'R-FUND-OTHER-BLANK');
  });

  it('R-PRJ-NAME, R-VAL-OP-MISSING and R-PLAN-AMBIGUOUS fixes resolve their findings', () => {
    expectResolved(mutated((d) => void (projectOf(d, 0).name = '示范项目1\t')), 'R-PRJ-NAME');
    expectResolved(mutated((d) => void (rowOf(d, 0, 0).value = '2 场次')), 'R-VAL-OP-MISSING');
    const plan = mutated((d) => void (projectOf(d, 0).spendingPlan = { unit: 'percent', mar: 5, jun: 10, oct: 15, dec: 20 }));
    expect(onlyFix(plan, 'R-PLAN-AMBIGUOUS').ops).toEqual([{ op: 'setSpendingPlan', project: 'p1', plan: { unit: 'percent', mar: 25, jun: 50, oct: 75, dec: 100 } }]);
    expect(validateBudgetText(applyOpsToJson(plan, onlyFix(plan, 'R-PLAN-AMBIGUOUS').ops))).toEqual([]);
  });
});
