import { describe, expect, it } from 'vitest';
import { importFileBytes } from '../../../server/office/import-file-bytes.ts';
import { writeBudgetDocx } from '../../../shared/office/index.ts';
import { badOfficeFiles } from '../../fixtures/office/bad-office-files.ts';
import { makeSmallBudgetText } from '../../fixtures/small-budget-text.ts';

const bad = badOfficeFiles(await writeBudgetDocx(makeSmallBudgetText()));

describe('office files an import refuses', () => {
  it.each(bad.map((b) => [b.kind, b] as const))('%s: a bilingual error that says what to do', async (_kind, file) => {
    const result = await importFileBytes(file.bytes);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.zh).toMatch(file.zh);
    expect(result.error.en).toMatch(/[A-Za-z]{3}/);
    expect(['IMPORT_FAILED', 'UNSUPPORTED_LAYOUT']).toContain(result.error.code);
  });

  it('still imports the valid file the truncated one was cut from', async () => {
    const result = await importFileBytes(await writeBudgetDocx(makeSmallBudgetText()));
    expect(result.ok).toBe(true);
  });
});
