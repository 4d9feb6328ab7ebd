import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeBudgetXlsx } from '../../../server/office/write-budget-xlsx.ts';
import { makeSmallBudgetText } from '../../fixtures/small-budget-text.ts';

const small = makeSmallBudgetText();
const wb = new ExcelJS.Workbook();
await wb.xlsx.load(Buffer.from(await writeBudgetXlsx(small)) as unknown as ExcelJS.Buffer);
const sheet = wb.worksheets[2] as ExcelJS.Worksheet;

describe('the exported .xlsx as Excel and WPS read it', () => {
  it('has 第一部分, 汇总 and one sheet per project', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['第一部分', '汇总', ...small.projects.map((p, i) => `${i + 1}.${p.name}`)]);
  });

  it('stores amounts as numbers with two decimals and plan percentages as % numbers', () => {
    expect(sheet.getCell('C4').value).toBe(small.projects[0]?.budget.total);
    expect(sheet.getCell('C4').numFmt).toBe('0.00');
    expect(typeof sheet.getCell('B7').value).toBe('number');
    expect(sheet.getCell('B7').numFmt).toBe('0.00%');
  });

  it('offers 一级/二级指标 lists, freezes the header, prints A4 landscape fit to width with the grid header repeated', () => {
    const rules = (sheet as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model;
    const lists = Object.values(rules).map((r) => r.formulae[0]);
    expect(lists.some((f) => f?.includes('产出指标,效益指标,满意度指标'))).toBe(true);
    expect(lists.some((f) => f?.includes('数量指标,质量指标'))).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 9 });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '9:9' });
  });

  it('merges 一级指标 over its run', () => {
    const first = sheet.getCell('A10');
    const next = sheet.getCell('A11');
    expect(next.isMerged && next.master.address).toBe(first.address);
  });
});
