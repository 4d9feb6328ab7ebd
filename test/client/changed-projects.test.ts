import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  addIndicator,
  addProject,
  editText,
  moveIndicator,
  moveProject,
  projectsMap,
  removeIndicator,
  removeProject,
  setBudget,
  setDocumentMeta,
  setIndicatorField,
  toBudgetYDoc,
} from '../../shared/model/index.ts';
import { changedProjectIds } from '../../client/validation/changed-projects.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';

/** The project ids each transaction of `edit` reports, as the validation controller sees them. */
function idsChangedBy(edit: (doc: Y.Doc) => void): string[][] {
  const doc = toBudgetYDoc(makeSmallBudgetText());
  const seen: string[][] = [];
  projectsMap(doc).observeDeep((events) => seen.push([...changedProjectIds(events, projectsMap(doc))].sort()));
  edit(doc);
  return seen;
}

describe('changedProjectIds', () => {
  it('names the project of an edited cell, header amount or 资金用途 text', () => {
    expect(idsChangedBy((d) => setIndicatorField(d, 'p-vehicles', 'v-sat', 'value', '50%'))).toEqual([['p-vehicles']]);
    expect(idsChangedBy((d) => setBudget(d, 'p-reception', 'total', 25))).toEqual([['p-reception']]);
    expect(idsChangedBy((d) => editText(d, { project: 'p-vehicles', field: 'purpose' }, 0, 0, '新'))).toEqual([['p-vehicles']]);
  });

  it('names the project whose rows were added, removed or moved', () => {
    expect(idsChangedBy((d) => addIndicator(d, 'p-reception', { name: '新指标' }))).toEqual([['p-reception']]);
    expect(idsChangedBy((d) => removeIndicator(d, 'p-vehicles', 'v-qty'))).toEqual([['p-vehicles']]);
    expect(idsChangedBy((d) => moveIndicator(d, 'p-vehicles', 'v-sat', 0))).toEqual([['p-vehicles']]);
  });

  it('names added, removed and moved projects', () => {
    const added = idsChangedBy((d) => addProject(d, { id: 'p-new', name: '新项目' }));
    expect(added).toEqual([['p-new']]);
    expect(idsChangedBy((d) => removeProject(d, 'p-reception'))).toEqual([['p-reception']]);
    expect(idsChangedBy((d) => moveProject(d, 'p-vehicles', 0))).toEqual([['p-vehicles']]);
  });

  it('collects every project one transaction touched, and none for edits outside projects', () => {
    const both = idsChangedBy((d) =>
      d.transact(() => {
        setIndicatorField(d, 'p-reception', 'r-qty', 'value', '≥50批次');
        setIndicatorField(d, 'p-vehicles', 'v-qty', 'value', '≥130辆');
      }),
    );
    expect(both).toEqual([['p-reception', 'p-vehicles']]);
    expect(idsChangedBy((d) => setDocumentMeta(d, { title: '新标题' }))).toEqual([]);
  });
});
