import { describe, expect, it } from 'vitest';
import { RULES, summarizeFindings, validateBudgetText } from '../../../shared/rules/index.ts';
import { makeLargeBudgetText } from '../../fixtures/make-large-budget-text.ts';
import { makeDoc, mutated, projectOf, rowOf } from './make-doc.ts';

describe('the implemented catalogue', () => {
  it('has unique catalogue ids and bilingual messages; R-DOC-TOC and R-REL-MANUAL are skipped', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain('R-DOC-TOC');
    expect(ids).not.toContain('R-REL-MANUAL');
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^R-[A-Z0-9]+(?:-[A-Z0-9]+)+$/);
      expect(rule.message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(rule.message.en).toMatch(/[A-Za-z]/);
      expect(rule.checkProject ?? rule.checkDocument).toBeTypeOf('function');
    }
  });

  it('finds nothing at all in the clean hand-made document', () => {
    expect(validateBudgetText(makeDoc())).toEqual([]);
  });

  it('orders findings: document first, then projects in order, header before rows, rows in order', () => {
    const doc = mutated((d) => {
      d.overview.safeguards = '';
      rowOf(d, 1, 4).value = '';
      rowOf(d, 1, 0).basis = '';
      projectOf(d, 1).budget.fiscal = 1;
      rowOf(d, 0, 3).value = '= 22 万元';
      projectOf(d, 1).code = projectOf(d, 0).code;
    });
    const order = validateBudgetText(doc).map((f) => `${f.ruleId}@${f.place.project ?? '-'}/${f.place.indicator ?? '-'}`);
    expect(order).toEqual([
      'R-DOC-SECTIONS@-/-',
      'R-COST-LE-BUDGET@p1/p1i4',
      'R-PRJ-CODE-UNIQUE@p2/-',
      'R-FUND-SUM@p2/-',
      'R-ROW-BASIS-REQUIRED@p2/p2i1',
      'R-ROW-VALUE-REQUIRED@p2/p2i5',
    ]);
  });

  it('fills every placeholder and points every finding at an existing cell of the large document', () => {
    const doc = makeLargeBudgetText(12, 20);
    const findings = validateBudgetText(doc);
    expect(findings.length).toBeGreaterThan(10);
    const projects = new Map(doc.projects.map((p) => [p.id, new Set(p.indicators.map((i) => i.id))]));
    for (const f of findings) {
      expect(`${f.zh} ${f.en}`).not.toMatch(/\{\w+\}/);
      if (f.place.project !== undefined) expect(projects.has(f.place.project)).toBe(true);
      if (f.place.indicator !== undefined) expect(projects.get(f.place.project ?? '')?.has(f.place.indicator)).toBe(true);
    }
  });

  it('summarises by severity', () => {
    const findings = validateBudgetText(mutated((d) => ((rowOf(d, 0, 3).value = '= 22 万元'), (rowOf(d, 0, 5).value = '> 82 %'), (rowOf(d, 0, 0).value = '2 场次'))));
    expect(summarizeFindings(findings)).toEqual({ errors: 1, warnings: 1, infos: 2 });
  });
});
