import { describe, expect, it } from 'vitest';
import { importFileBytes } from '../../../server/office/import-file-bytes.ts';
import { writeBudgetXlsx } from '../../../server/office/write-budget-xlsx.ts';
import { makeLargeBudgetText } from '../../fixtures/make-large-budget-text.ts';
import { cellsOf, importedSeeds, withoutIds } from '../../shared/office/office-fixtures.ts';

describe('.xlsx round trip', () => {
  for (const { file, doc } of importedSeeds()) {
    it(`${file}: text → .xlsx → import gives the same document, cell for cell`, async () => {
      const back = await importFileBytes(await writeBudgetXlsx(doc));
      if (!back.ok) throw back.error;
      expect(back.value.report.layout).toBe('xlsx');
      expect(back.value.report.guesses).toEqual([]);
      expect(cellsOf(back.value.doc)).toEqual(cellsOf(doc));
      expect(withoutIds(back.value.doc)).toEqual(withoutIds(doc));
    });
  }

  it('keeps text longer than a cell holds (32,767 characters), continued in the next cells', async () => {
    const doc = makeLargeBudgetText(2, 3);
    const long = '长'.repeat(80_000);
    const project = doc.projects[0];
    if (project === undefined) throw new Error('no project');
    project.goal = long;
    doc.overview.overallGoal = `${long}。\n第二段。`;
    const back = await importFileBytes(await writeBudgetXlsx(doc));
    if (!back.ok) throw back.error;
    // Compared as booleans: a failure must not print 80,000 characters.
    expect(back.value.doc.projects[0]?.goal.length).toBe(long.length);
    expect(back.value.doc.projects[0]?.goal === long).toBe(true);
    expect(back.value.doc.overview.overallGoal === `${long}。\n第二段。`).toBe(true);
  });
});
