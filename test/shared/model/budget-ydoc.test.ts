import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addIndicator,
  addProject,
  applyBudgetOps,
  BudgetTextSchema,
  editText,
  migrateBudgetYDoc,
  moveIndicator,
  moveProject,
  readSchemaVersion,
  removeIndicator,
  removeProject,
  replaceText,
  setBudget,
  setIndicatorField,
  setSpendingPlan,
  toBudgetJson,
  toBudgetYDoc,
} from '../../../shared/model/index.ts';
import { makeSmallBudgetText } from '../../fixtures/small-budget-text.ts';

describe('canonical JSON ⇄ Y.Doc', () => {
  it('round-trips a document exactly', () => {
    const text = makeSmallBudgetText();
    expect(toBudgetJson(toBudgetYDoc(text))).toEqual(text);
  });

  it('round-trips through an encoded update (what the server stores)', () => {
    const text = makeSmallBudgetText();
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(toBudgetYDoc(text)));
    expect(toBudgetJson(copy)).toEqual(text);
  });

  it('keeps blank amounts null and zero amounts 0', () => {
    const text = makeSmallBudgetText();
    text.projects[0]!.budget.other = null;
    const json = toBudgetJson(toBudgetYDoc(text));
    expect(json.projects[0]?.budget.other).toBeNull();
    expect(json.projects[1]?.budget.other).toBe(0);
  });

  it('rejects documents with missing, extra or duplicate keys', () => {
    const text = makeSmallBudgetText();
    expect(BudgetTextSchema.safeParse({ ...text, extra: 1 }).success).toBe(false);
    const { title: _t, ...noTitle } = text;
    expect(BudgetTextSchema.safeParse(noTitle).success).toBe(false);
    const dup = makeSmallBudgetText();
    dup.projects[1]!.id = dup.projects[0]!.id;
    expect(BudgetTextSchema.safeParse(dup).success).toBe(false);
  });
});

describe('mutations', () => {
  it('moves a row by rewriting its order key: same id, same cells', () => {
    const doc = toBudgetYDoc(makeSmallBudgetText());
    moveIndicator(doc, 'p-reception', 'r-sat', 0);
    const rows = toBudgetJson(doc).projects[0]!.indicators;
    expect(rows[0]).toEqual(makeSmallBudgetText().projects[0]!.indicators[5]);
    expect(rows.map((r) => r.id)).toEqual(['r-sat', 'r-qty', 'r-qual', 'r-time', 'r-cost', 'r-soc']);
  });

  it('adds rows and projects at positions, removes them, and moves projects', () => {
    const doc = toBudgetYDoc(makeSmallBudgetText());
    const id = addIndicator(doc, 'p-vehicles', { name: '平台运行率', value: '≥99%' }, 1);
    expect(toBudgetJson(doc).projects[1]!.indicators.map((r) => r.id)).toEqual(['v-qty', id, 'v-qual', 'v-time', 'v-cost', 'v-soc', 'v-sat']);
    expect(removeIndicator(doc, 'p-vehicles', 'v-qty')).toBe(true);
    expect(removeIndicator(doc, 'p-vehicles', 'v-qty')).toBe(false);
    const pid = addProject(doc, { name: '新项目' }, 0);
    expect(toBudgetJson(doc).projects.map((p) => p.id)).toEqual([pid, 'p-reception', 'p-vehicles']);
    moveProject(doc, pid, 2);
    expect(toBudgetJson(doc).projects.map((p) => p.id)).toEqual(['p-reception', 'p-vehicles', pid]);
    removeProject(doc, pid);
    expect(toBudgetJson(doc).projects).toHaveLength(2);
  });

  it('sets cells, amounts and plans, and reports a vanished target instead of throwing', () => {
    const doc = toBudgetYDoc(makeSmallBudgetText());
    expect(setIndicatorField(doc, 'p-reception', 'r-qty', 'value', '≥50批次')).toBe(true);
    expect(setBudget(doc, 'p-reception', 'other', 0)).toBe(true);
    expect(setSpendingPlan(doc, 'p-reception', { mar: 30 })).toBe(true);
    expect(setIndicatorField(doc, 'gone', 'r-qty', 'value', 'x')).toBe(false);
    const p = toBudgetJson(doc).projects[0]!;
    expect(p.indicators[0]!.value).toBe('≥50批次');
    expect(p.budget.other).toBe(0);
    expect(p.spendingPlan).toEqual({ unit: 'percent', mar: 30, jun: 50, oct: 75, dec: 100 });
  });

  it('replaces text as a minimal edit, so a concurrent insert elsewhere survives', () => {
    const a = toBudgetYDoc(makeSmallBudgetText());
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    replaceText(a, { section: 'safeguards' }, '加强预算管理，严格执行各项财务制度。');
    editText(b, { section: 'safeguards' }, 0, 0, '一、');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(toBudgetJson(a).overview.safeguards).toBe('一、加强预算管理，严格执行各项财务制度。');
    expect(toBudgetJson(b)).toEqual(toBudgetJson(a));
  });

  it('applies data ops (fixes, suggestions) as one transaction', () => {
    const doc = toBudgetYDoc(makeSmallBudgetText());
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    applyBudgetOps(doc, [
      { op: 'setIndicatorField', project: 'p-reception', indicator: 'r-qty', field: 'value', value: '≥46批次' },
      { op: 'setSpendingPlan', project: 'p-reception', plan: { unit: 'percent', mar: 20 } },
      { op: 'setProjectText', project: 'p-reception', field: 'goal', value: '1.规范公务接待。' },
    ]);
    expect(transactions).toBe(1);
    const p = toBudgetJson(doc).projects[0]!;
    expect([p.indicators[0]!.value, p.spendingPlan.mar, p.goal]).toEqual(['≥46批次', 20, '1.规范公务接待。']);
  });
});

describe('migrations', () => {
  it('stamps an unversioned document and fills its missing containers', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('title', '旧文档');
    const project = new Y.Map<unknown>();
    project.set('order', 'a0');
    project.set('name', '旧项目');
    project.set('goal', '目标');
    doc.getMap('projects').set('old', project);
    expect(readSchemaVersion(doc)).toBe(0);
    expect(migrateBudgetYDoc(doc)).toEqual({ from: 0, to: 1 });
    const json = toBudgetJson(doc);
    expect(json.projects[0]).toMatchObject({ id: 'old', name: '旧项目', goal: '目标', indicators: [] });
    expect(BudgetTextSchema.safeParse(json).success).toBe(true);
    expect(migrateBudgetYDoc(doc)).toEqual({ from: 1, to: 1 });
  });

  it('refuses a document newer than the code', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('schemaVersion', 99);
    expect(() => migrateBudgetYDoc(doc)).toThrow(/newer/);
  });
});
