import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_DIR } from '../../../server/demo/load-demo-docs.ts';
import { importBudgetText } from '../../../shared/import/index.ts';
import { validateBudgetText } from '../../../shared/rules/index.ts';

const SEED_000 = join(SEED_DIR, '000_dab3d716b961eaf4.txt');

describe('seed 000 through the importer', () => {
  it("flags project 2's 成本指标 22 万元 above its 预算数 20 万元", () => {
    const result = importBudgetText(readFileSync(SEED_000, 'utf8'));
    if (!result.ok) throw new Error(`seed import failed: ${result.error.en}`);
    const project2 = result.value.doc.projects[1];
    expect(project2?.budget.total).toBe(20);
    const errors = validateBudgetText(result.value.doc).filter((f) => f.ruleId === 'R-COST-LE-BUDGET' && f.place.project === project2?.id);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ severity: 'error', scope: 'row', place: { field: 'value' } });
    expect(errors[0]?.zh).toContain('预算数20.00万元');
    const row = project2?.indicators.find((i) => i.id === errors[0]?.place.indicator);
    expect(row?.value.replace(/\s/g, '')).toBe('=22万元');
  });
});
