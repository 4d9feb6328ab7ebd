import { describe, expect, it } from 'vitest';
import { importDocx, writeBudgetDocx } from '../../../shared/office/index.ts';
import { cellsOf, importedSeeds, withoutIds } from './office-fixtures.ts';

const seeds = importedSeeds();

describe('.docx round trip of every seed', () => {
  it('covers the ground truth: 56 tables and 368 indicator rows', () => {
    expect(seeds.reduce((n, s) => n + s.doc.projects.length, 0)).toBe(56);
    expect(seeds.reduce((n, s) => n + s.doc.projects.reduce((m, p) => m + p.indicators.length, 0), 0)).toBe(368);
  });

  for (const { file, doc } of seeds) {
    it(`${file}: text → .docx → import gives the same document, cell for cell`, async () => {
      const back = importDocx(await writeBudgetDocx(doc));
      if (!back.ok) throw back.error;
      expect(back.value.report.layout).toBe('docx');
      expect(back.value.report.guesses).toEqual([]);
      expect(cellsOf(back.value.doc)).toEqual(cellsOf(doc));
      expect(withoutIds(back.value.doc)).toEqual(withoutIds(doc));
    });
  }
});
