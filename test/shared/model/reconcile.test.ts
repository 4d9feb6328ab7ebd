import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addIndicator,
  editText,
  moveIndicator,
  reconcileBudgetYDoc,
  removeIndicator,
  setBudget,
  setIndicatorField,
  toBudgetJson,
  toBudgetYDoc,
} from '../../../shared/model/index.ts';
import { makeSmallBudgetText } from '../../fixtures/small-budget-text.ts';
import { seededRandom } from '../../helpers/seeded-random.ts';

describe('reconcileBudgetYDoc (restore as a forward change)', () => {
  it('brings an edited document back to a saved version exactly', () => {
    const saved = makeSmallBudgetText();
    const doc = toBudgetYDoc(saved);
    setIndicatorField(doc, 'p-reception', 'r-qty', 'value', '≥1批次');
    removeIndicator(doc, 'p-reception', 'r-time');
    addIndicator(doc, 'p-vehicles', { name: '新指标' }, 0);
    moveIndicator(doc, 'p-reception', 'r-sat', 0);
    setBudget(doc, 'p-vehicles', 'total', null);
    editText(doc, { section: 'subGoals' }, 0, 5, '改写');
    reconcileBudgetYDoc(doc, saved);
    expect(toBudgetJson(doc)).toEqual(saved);
  });

  it('touches only what differs: one moved row gets one new key, unchanged cells are not rewritten', () => {
    const saved = makeSmallBudgetText();
    const doc = toBudgetYDoc(saved);
    moveIndicator(doc, 'p-reception', 'r-qty', 5);
    const changed: string[] = [];
    doc.getMap('projects').observeDeep((events) => {
      for (const e of events) if (e.target instanceof Y.Map) for (const k of e.changes.keys.keys()) changed.push(`${e.path.join('/')}:${k}`);
    });
    reconcileBudgetYDoc(doc, saved);
    expect(changed).toEqual(['p-reception/indicators/r-qty:order']);
  });

  it('keeps a colleague’s concurrent edit of another cell', () => {
    const saved = makeSmallBudgetText();
    const server = toBudgetYDoc(saved);
    setIndicatorField(server, 'p-reception', 'r-qty', 'value', '≥1批次');
    const colleague = new Y.Doc();
    Y.applyUpdate(colleague, Y.encodeStateAsUpdate(server));
    setIndicatorField(colleague, 'p-vehicles', 'v-qty', 'basis', '同事刚改的');
    reconcileBudgetYDoc(server, saved);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(colleague));
    Y.applyUpdate(colleague, Y.encodeStateAsUpdate(server));
    const json = toBudgetJson(colleague);
    expect(json).toEqual(toBudgetJson(server));
    expect(json.projects[0]!.indicators[0]!.value).toBe('≥45批次');
    expect(json.projects[1]!.indicators[0]!.basis).toBe('同事刚改的');
  });

  it('reaches any target from any random state (seeded)', () => {
    const rng = seededRandom(5);
    for (let round = 0; round < 30; round++) {
      const doc = toBudgetYDoc(makeSmallBudgetText());
      const target = makeSmallBudgetText();
      for (const p of target.projects) {
        p.indicators.sort(() => rng.next() - 0.5);
        if (rng.int(2)) p.indicators.splice(rng.int(p.indicators.length), 1);
        p.indicators.forEach((r) => rng.int(3) === 0 && (r.value = `≥${rng.int(99)}%`));
      }
      if (rng.int(2)) target.projects.reverse();
      reconcileBudgetYDoc(doc, target);
      expect(toBudgetJson(doc)).toEqual(target);
    }
  });
});
