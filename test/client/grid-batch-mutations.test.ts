import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { duplicateIndicator, indicatorsOf, moveIndicator, pasteIndicators, projectsMap, setIndicatorCells, setIndicatorField, sortedEntries, toBudgetJson, toBudgetYDoc } from '../../shared/model/index.ts';
import { UndoHistory } from '../../client/undo/undo-history.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';

const P = 'p-reception';
const rows = (doc: Y.Doc) => toBudgetJson(doc).projects[0]!.indicators;

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('batched indicator mutations', () => {
  it('pastes a block over existing rows and appends rows past the end, in one transaction', () => {
    const doc = toBudgetYDoc(makeSmallBudgetText());
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    const matrix = Array.from({ length: 4 }, (_, i) => [`名${i}`, `描述${i}`, `≥${i}%`, 'x', 'dropped']);
    const result = pasteIndicators(doc, P, 4, 2, matrix);
    expect(transactions).toBe(1);
    expect(result?.addedIds).toHaveLength(2);
    const after = rows(doc);
    expect(after).toHaveLength(8);
    expect(after.slice(4).map((r) => [r.name, r.description, r.value, r.basis])).toEqual(matrix.map((m) => m.slice(0, 4)));
    expect(after[4]?.level1).toBe('效益指标');
    expect(after[7]?.level1).toBe('');
    expect(result?.rowIds).toEqual(after.slice(4).map((r) => r.id));
  });

  it('writes many cells at once and skips rows a colleague deleted', () => {
    const doc = toBudgetYDoc(makeSmallBudgetText());
    expect(setIndicatorCells(doc, P, [{ indicator: 'r-qty', field: 'value', value: '' }, { indicator: 'gone', field: 'value', value: 'x' }, { indicator: 'r-qual', field: 'basis', value: '' }])).toBe(2);
    expect(rows(doc).slice(0, 2).map((r) => [r.value, r.basis])).toEqual([['', '2025年工作计划'], ['=100%', '']]);
    expect(setIndicatorCells(doc, 'nope', [])).toBeNull();
  });

  it('duplicates a row right below it with a new id', () => {
    const doc = toBudgetYDoc(makeSmallBudgetText());
    const id = duplicateIndicator(doc, P, 'r-qual');
    const after = rows(doc);
    expect(after[2]?.id).toBe(id);
    expect({ ...after[2], id: 'r-qual' }).toEqual(after[1]);
    expect(duplicateIndicator(doc, P, 'gone')).toBeNull();
  });

  it('undoes only this tab\'s steps: a paste is one step, a colleague\'s edits stay', () => {
    const text = makeSmallBudgetText();
    const mine = toBudgetYDoc(text);
    const theirs = new Y.Doc();
    sync(mine, theirs);
    const origin = { tab: 'mine' };
    const history = new UndoHistory(mine, origin);

    setIndicatorField(mine, P, 'r-qty', 'value', '≥50批次', origin);
    history.stopCapturing();
    pasteIndicators(mine, P, 6, 0, [['产出指标', '数量指标', 'A'], ['产出指标', '数量指标', 'B']], origin);
    setIndicatorField(theirs, P, 'r-cost', 'value', '≤19万元', 'colleague');
    moveIndicator(theirs, P, 'r-sat', 0, 'colleague');
    sync(mine, theirs);
    expect(rows(mine)).toHaveLength(8);

    expect(history.undo()).toBe(true);
    expect(rows(mine)).toHaveLength(6);
    expect(history.undo()).toBe(true);
    expect(history.canUndo).toBe(false);
    sync(mine, theirs);
    const now = rows(theirs);
    expect(now.find((r) => r.id === 'r-qty')?.value).toBe('≥45批次');
    expect(now.find((r) => r.id === 'r-cost')?.value).toBe('≤19万元');
    expect(now[0]?.id).toBe('r-sat');

    expect(history.redo()).toBe(true);
    expect(rows(mine).find((r) => r.id === 'r-qty')?.value).toBe('≥50批次');
    history.destroy();
  });

  it('keeps a colleague\'s later value of the same cell when undoing an own edit', () => {
    const mine = toBudgetYDoc(makeSmallBudgetText());
    const theirs = new Y.Doc();
    sync(mine, theirs);
    const origin = { tab: 'mine' };
    const history = new UndoHistory(mine, origin);
    setIndicatorField(mine, P, 'r-qty', 'value', '甲', origin);
    sync(mine, theirs);
    setIndicatorField(theirs, P, 'r-qty', 'value', '乙', 'colleague');
    sync(mine, theirs);
    history.undo();
    const row = sortedEntries(indicatorsOf(projectsMap(mine).get(P)!)).find((r) => r.id === 'r-qty');
    expect(row?.map.get('value')).toBe('乙');
  });
});
