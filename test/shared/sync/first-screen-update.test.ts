import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { makeLargeBudgetText } from '../../fixtures/make-large-budget-text.ts';
import { firstScreenUpdate } from '../../../shared/sync/first-screen-update.ts';
import { editText, moveProject, removeIndicator, setIndicatorField, toBudgetYDoc, toDocumentHeadJson, toProjectJson } from '../../../shared/model/index.ts';
import { projectsMap, sortedEntries } from '../../../shared/model/ydoc-layout.ts';

/** What a first visit shows first: the document's fields and narratives, and its first project. */
function firstScreenOf(doc: Y.Doc) {
  const first = sortedEntries(projectsMap(doc))[0];
  return { head: toDocumentHeadJson(doc), first: first ? toProjectJson(first.id, first.map) : null };
}

describe('firstScreenUpdate', () => {
  it('holds the first screen as it is now, in a fraction of the document', () => {
    const doc = toBudgetYDoc(makeLargeBudgetText(50, 30));
    // A colleague's edits, then a project from far down moved to the top.
    const colleague = new Y.Doc();
    colleague.clientID = 4242;
    Y.applyUpdate(colleague, Y.encodeStateAsUpdate(doc));
    setIndicatorField(colleague, 'p1', 'p1r3', 'value', '≥98%');
    editText(colleague, { section: 'overallGoal' }, 0, 0, '（修订）');
    removeIndicator(colleague, 'p45', 'p45r2');
    setIndicatorField(colleague, 'p45', 'p45r5', 'basis', '上年实际完成情况');
    moveProject(colleague, 'p45', 0);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(colleague));

    const update = firstScreenUpdate(doc);
    expect(update).not.toBeNull();
    const screen = new Y.Doc();
    Y.applyUpdate(screen, update as Uint8Array);
    expect(firstScreenOf(screen)).toEqual(firstScreenOf(doc));
    const first = firstScreenOf(screen).first;
    expect(first?.id).toBe('p45');
    expect(first?.indicators.find((i) => i.id === 'p45r5')?.basis).toBe('上年实际完成情况');
    expect(first?.indicators.some((i) => i.id === 'p45r2')).toBe(false);
    expect(firstScreenOf(screen).head.overview.overallGoal.startsWith('（修订）')).toBe(true);
    expect(projectsMap(screen).size).toBe(1);
    expect(update?.length).toBeLessThan(Y.encodeStateAsUpdate(doc).length / 10);
  });

  it('sends nothing apart for a document whose other projects are small', () => {
    expect(firstScreenUpdate(toBudgetYDoc(makeLargeBudgetText(5, 10)))).toBeNull();
    expect(firstScreenUpdate(toBudgetYDoc(makeLargeBudgetText(1, 400)))).toBeNull();
    expect(firstScreenUpdate(new Y.Doc())).toBeNull();
    expect(firstScreenUpdate(toBudgetYDoc(makeLargeBudgetText(8, 30)))).not.toBeNull();
  });
});
