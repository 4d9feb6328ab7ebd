import { describe, expect, it } from 'vitest';
import { diffBudgetTexts, summarizeDiff } from '../../../shared/diff/index.ts';
import { makeLargeBudgetText } from '../../fixtures/make-large-budget-text.ts';
import { reviseBudgetText } from './revise-budget-text.ts';

describe('diffBudgetTexts: a 50-project, 1,500-row document', () => {
  const base = makeLargeBudgetText(50, 30);

  it.each([
    ['versions of one document', false, 'id'],
    ['two imports', true, 'code'],
  ] as const)('finds exactly the planted changes between %s', (_name, reimport, matching) => {
    const { text, revision } = reviseBudgetText(base, 200, 42, reimport);
    const diff = diffBudgetTexts(base, text);
    expect(diff.matching).toBe(matching);
    expect(summarizeDiff(diff)).toMatchObject({ ...revision, rowsChanged: revision.cellsChanged, textSectionsChanged: 1, projectsAdded: 0, projectsRemoved: 0 });
    expect(diff.projects.reduce((n, p) => n + p.indicators.length, 0)).toBe(1_500 + revision.rowsAdded);
  });

  it('finds nothing between a document and its reimport', () => {
    const { text } = reviseBudgetText(base, 0, 1, true);
    expect(diffBudgetTexts(base, text).changes).toEqual([]);
  });
});
