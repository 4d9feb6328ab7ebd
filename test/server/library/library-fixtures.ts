import ExcelJS from 'exceljs';
import type { BudgetText, Indicator } from '../../../shared/model/budget-text-schema.ts';
import { makeSmallBudgetText } from '../../fixtures/small-budget-text.ts';

/** The header row of a curated 共性指标 file, in the official order. */
export const CURATED_HEADER = ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据', '指标解释'];

/** The small budget text with `extra` rows appended to its first project (ids made unique). */
export function budgetWithRows(extra: Array<Omit<Indicator, 'id'>>, title = '测试文本'): BudgetText {
  const text = makeSmallBudgetText();
  const first = text.projects[0];
  if (first) first.indicators.push(...extra.map((row, i) => ({ ...row, id: `x-${i}` })));
  return { ...text, title };
}

/** A CSV file of `rows` under `header` (cells quoted where needed), UTF-8 with a BOM as Excel saves it. */
export function curatedCsv(rows: string[][], header = CURATED_HEADER): Uint8Array {
  const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const text = [header, ...rows].map((r) => r.map(quote).join(',')).join('\r\n');
  return new TextEncoder().encode(`\uFEFF${text}\r\n`);
}

/** An .xlsx of `rows` under the header on its first sheet, with the cell ranges `merges` (e.g. `A2:A4`) merged as a 绩效目标表 has them. */
export async function curatedXlsx(rows: string[][], merges: string[] = []): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('共性指标');
  ws.addRow(CURATED_HEADER);
  for (const row of rows) ws.addRow(row);
  for (const range of merges) ws.mergeCells(range);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
