import { describe, expect, it } from 'vitest';
import { importInWorker } from '../../../server/import/import-in-worker.ts';
import { writeBudgetDocx } from '../../../shared/office/index.ts';
import { makeSmallBudgetText } from '../../fixtures/small-budget-text.ts';

describe('office import in the worker thread', () => {
  it('imports .docx bytes off the main thread', async () => {
    const result = await importInWorker(await writeBudgetDocx(makeSmallBudgetText()));
    expect(result.ok && result.value.report).toMatchObject({ layout: 'docx', projects: 2 });
  });

  it('gives up with a bilingual error when the time limit passes', async () => {
    const result = await importInWorker(await writeBudgetDocx(makeSmallBudgetText()), 1);
    expect(result.ok).toBe(false);
    if (!result.ok) expect([result.error.code, result.error.zh, result.error.en]).toEqual(['IMPORT_FAILED', '文件过于复杂，导入超时', 'Import timed out: the file is too complex']);
  });
});
