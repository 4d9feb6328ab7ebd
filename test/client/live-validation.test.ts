import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addIndicator,
  addProject,
  applyBudgetOps,
  editText,
  projectsMap,
  removeProject,
  setBudget,
  setDocSettings,
  setIndicatorField,
  setSpendingPlan,
  toBudgetJson,
  toBudgetYDoc,
} from '../../shared/model/index.ts';
import { validateBudgetText } from '../../shared/rules/index.ts';
import { BudgetJsonCache } from '../../client/validation/budget-json-cache.ts';
import { changedProjectIds } from '../../client/validation/changed-projects.ts';
import { LiveValidation } from '../../client/validation/live-validation.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';

/** A document with live validation wired as the controller wires it (changes noted from Yjs events). */
function liveDoc() {
  const doc = toBudgetYDoc(makeSmallBudgetText());
  const live = new LiveValidation(doc);
  projectsMap(doc).observeDeep((events) => live.markChanged(changedProjectIds(events, projectsMap(doc))));
  const expected = () => validateBudgetText(toBudgetJson(doc), { hierarchy: live.hierarchy });
  return { doc, live, expected };
}

const rules = (findings: ReadonlyArray<{ ruleId: string }>) => findings.map((f) => f.ruleId);

describe('BudgetJsonCache', () => {
  it('equals toBudgetJson after every kind of edit, rebuilding only the projects named as changed', () => {
    const doc = toBudgetYDoc(makeSmallBudgetText());
    const cache = new BudgetJsonCache();
    const first = cache.read(doc, null);
    expect(first).toEqual(toBudgetJson(doc));

    setIndicatorField(doc, 'p-reception', 'r-qty', 'value', '≥50批次');
    editText(doc, { section: 'subGoals' }, 0, 0, '【新】');
    const second = cache.read(doc, new Set(['p-reception']));
    expect(second).toEqual(toBudgetJson(doc));
    expect(second.projects[1]).toBe(first.projects[1]);
    expect(second.projects[0]).not.toBe(first.projects[0]);

    addProject(doc, { id: 'p-new', name: '新项目' }, 0);
    removeProject(doc, 'p-vehicles');
    expect(cache.read(doc, new Set(['p-new', 'p-vehicles']))).toEqual(toBudgetJson(doc));
  });
});

describe('LiveValidation', () => {
  it('starts from a full validation of the clean fixture: no findings', () => {
    const { live } = liveDoc();
    expect(live.run()).toEqual([]);
  });

  it('finds what the full validator finds after local edits, and clears it after the fix', () => {
    const { doc, live, expected } = liveDoc();
    live.run();
    setIndicatorField(doc, 'p-reception', 'r-sat', 'value', '>=95%');
    const found = live.run();
    expect(found).toEqual(expected());
    const finding = found.find((f) => f.ruleId === 'R-VAL-FORMAT');
    expect(finding?.place).toEqual({ project: 'p-reception', indicator: 'r-sat', field: 'value' });
    applyBudgetOps(doc, finding?.fix?.ops ?? [], 'fix');
    expect(live.run()).toEqual([]);
  });

  it('sees edits that arrive from a colleague as Yjs updates', () => {
    const { doc, live, expected } = liveDoc();
    live.run();
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(remote);
    setIndicatorField(remote, 'p-vehicles', 'v-sat', 'value', '50%');
    setSpendingPlan(remote, 'p-reception', { unit: 'amount', mar: 5, jun: 10, oct: 15, dec: 20 });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, before), 'remote');
    const found = live.run();
    expect(found).toEqual(expected());
    expect(rules(found)).toEqual(expect.arrayContaining(['R-SAT-FORMAT', 'R-PLAN-UNIT']));
  });

  it('re-checks every project with the new hierarchy when the document setting changes', () => {
    const { doc, live, expected } = liveDoc();
    live.run();
    setDocSettings(doc, { hierarchy: 'mof-2021-4' });
    const found = live.run();
    expect(live.hierarchy).toBe('mof-2021-4');
    expect(found).toEqual(expected());
    expect(found.filter((f) => f.ruleId === 'R-IND-YIJI-REQUIRED').map((f) => f.place.project)).toEqual(['p-reception', 'p-vehicles']);
  });

  it('follows document-level edits and added rows', () => {
    const { doc, live, expected } = liveDoc();
    live.run();
    editText(doc, { section: 'safeguards' }, 0, 0, '意见意见');
    addIndicator(doc, 'p-vehicles', { level1: '产出指标', level2: '数量指标', name: '巡检次数' });
    setBudget(doc, 'p-vehicles', 'total', 9);
    const found = live.run();
    expect(found).toEqual(expected());
    expect(rules(found)).toEqual(expect.arrayContaining(['R-TXT-TYPO', 'R-ROW-VALUE-REQUIRED']));
  });
});
