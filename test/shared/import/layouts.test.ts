import { describe, expect, it } from 'vitest';
import { importBudgetText } from '../../../shared/import/index.ts';
import { detectLayout } from '../../../shared/import/detect-layout.ts';
import { placePlanValues } from '../../../shared/import/place-plan-values.ts';
import { newId } from '../../../shared/ids.ts';
import { BudgetTextSchema } from '../../../shared/model/budget-text-schema.ts';
import { SEEDS, counterIds, readSeed } from './seed-fixtures.ts';

const lines = (text: string) => text.split('\n').map((t, i) => ({ text: t, line: i + 1 }));
const cell = (text: string, col: number) => ({ text, col, line: 5 });

describe('detectLayout', () => {
  it('tells the layouts apart by how the table labels sit on their lines', () => {
    expect(detectLayout(lines('项目编码\n13022525P00NB791002\n一级指标 二级指标 三级指标 绩效指标描述 指标值 指标值确定依据'))).toBe('pdf-lines');
    expect(detectLayout(lines('项目编码\t1302\t\t项目名称\t甲\n一级指标\t二级指标\t三级指标'))).toBe('tsv');
    expect(detectLayout(lines('\t项目编码\n\t1302\n\n\t一级指标\n\t二级指标'))).toBe('cell-lines');
    expect(detectLayout(lines('| 项目编码 | 1302 | | 项目名称 |\n| 一级指标 | 二级指标 |'))).toBe('markdown');
    expect(detectLayout(lines('没有表格的文字\n项目编码是什么'))).toBeNull();
  });
});

describe('placePlanValues', () => {
  it('keeps values under their checkpoint columns without notes', () => {
    const plan = { line: 4, headers: [cell('3月底', 1), cell('6月底', 3), cell('10 月底', 4), cell('12月底', 5)], values: [cell('25%', 1), cell('50%', 3), cell('70%', 4), cell('100%', 5)] };
    const placed = placePlanValues(plan, 1);
    expect(Object.fromEntries(Object.entries(placed.cells).map(([k, v]) => [k, v?.text]))).toEqual({ mar: '25%', jun: '50%', oct: '70%', dec: '100%' });
    expect(placed.notes).toEqual([]);
  });

  it('notes values one column off, a missing checkpoint and a value that fits nowhere', () => {
    const shifted = placePlanValues({ line: 4, headers: [cell('3月底', 1), cell('6月底', 3), cell('10月底', 5)], values: [cell('30%', 2), cell('60%', 4), cell('100%', 6)] }, 1);
    expect(shifted.notes.map((n) => n.field)).toEqual(['spendingPlan.mar', 'spendingPlan.jun', 'spendingPlan.oct', 'spendingPlan.dec']);
    const crowded = placePlanValues({ line: 4, headers: [cell('3月底', 0), cell('6月底', 1), cell('10月底', 2), cell('12月底', 3)], values: [0, 1, 2, 3, 4].map((c) => cell('1', c)) }, 1);
    expect(crowded.notes.map((n) => n.field)).toEqual(['spendingPlan']);
    expect(placePlanValues(null, 9).notes).toMatchObject([{ line: 9, field: 'spendingPlan' }]);
  });
});

describe('importBudgetText options and ids', () => {
  it('is deterministic with a counter and assigns unique schema-valid ids by default', () => {
    const source = readSeed(SEEDS.markdown);
    const a = importBudgetText(source, { newId: counterIds() });
    const b = importBudgetText(source, { newId: counterIds() });
    expect(a).toEqual(b);
    const random = importBudgetText(source);
    if (!random.ok) throw random.error;
    expect(() => BudgetTextSchema.parse(random.value.doc)).not.toThrow();
    expect(random.value.doc.projects[0]?.id).toMatch(/^[a-z0-9]{12}$/);
    expect(newId).toBeTypeOf('function');
  });

  it('reads CRLF line endings and a BOM like plain LF text', () => {
    const source = readSeed(SEEDS.cellLinesTown);
    const lf = importBudgetText(source, { newId: counterIds() });
    const crlf = importBudgetText(`\ufeff${source.replace(/\n/g, '\r\n')}`, { newId: counterIds() });
    expect(crlf).toEqual(lf);
  });
});
