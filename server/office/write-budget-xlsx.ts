import ExcelJS from 'exceljs';
import type { BudgetText } from '../../shared/model/budget-text-schema.ts';
import { PART_ONE, PLAN_CHECKPOINTS, SECTION_HEADINGS, OFFICE_LAYOUT_VERSION } from '../../shared/office/index.ts';
import { THIN_BORDERS, sheetName, writeLongText } from './xlsx-cells.ts';
import { PROJECT_TITLE_ROWS, fillProjectSheet, pageSetup } from './xlsx-project-sheet.ts';

/** Name of the sheet listing every project; the importer skips it (its numbers repeat the project sheets). */
export const SUMMARY_SHEET = '汇总';

function partOneSheet(wb: ExcelJS.Workbook, doc: BudgetText, taken: Set<string>): void {
  const ws = wb.addWorksheet(sheetName('第一部分', taken), { pageSetup: pageSetup() });
  ws.getColumn(1).width = 120;
  let r = 1;
  const line = (text: string, bold = false): void => {
    writeLongText(ws, r, 1, text, 2);
    const cell = ws.getCell(r, 1);
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (bold) cell.font = { bold: true, size: 14 };
    r++;
  };
  line(doc.title, true);
  line(PART_ONE, true);
  for (const key of ['overallGoal', 'subGoals', 'safeguards'] as const) {
    line(SECTION_HEADINGS[key], true);
    for (const paragraph of doc.overview[key].split('\n')) if (paragraph !== '') line(paragraph);
  }
}

function summarySheet(wb: ExcelJS.Workbook, doc: BudgetText, taken: Set<string>): void {
  const ws = wb.addWorksheet(sheetName(SUMMARY_SHEET, taken), { pageSetup: pageSetup('1:1'), views: [{ state: 'frozen', ySplit: 1 }] });
  const header = ['序号', '项目编码', '项目名称', '预算数', '财政资金', '其他资金', '支出计划单位', ...PLAN_CHECKPOINTS.map(([, label]) => label)];
  ws.addRow(header).eachCell((cell) => Object.assign(cell, { font: { bold: true }, border: THIN_BORDERS }));
  [6, 26, 40, 12, 12, 12, 12, 10, 10, 10, 10].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  doc.projects.forEach((p, i) => {
    const plan = p.spendingPlan;
    const row = ws.addRow([i + 1, p.code, p.name, p.budget.total, p.budget.fiscal, p.budget.other, plan.unit === 'percent' ? '%' : '万元', plan.mar, plan.jun, plan.oct, plan.dec]);
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cell.border = THIN_BORDERS;
      if (col >= 4 && col !== 7) cell.numFmt = '0.00';
    });
  });
}

/**
 * The document as an Excel workbook: a 第一部分 sheet (title and the three narrative sections, one paragraph
 * per row, so nothing is lost on the way back), a 汇总 sheet (one row per project: code, name, amounts, plan)
 * and one sheet per project in the table layout (xlsx-project-sheet.ts). The importer reads it back to the
 * same canonical JSON (ids aside).
 */
export async function writeBudgetXlsx(doc: BudgetText): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao';
  wb.title = doc.title;
  wb.keywords = `jixiaoLayout=${OFFICE_LAYOUT_VERSION}`;
  const taken = new Set<string>();
  partOneSheet(wb, doc, taken);
  summarySheet(wb, doc, taken);
  doc.projects.forEach((project, i) => {
    const ws = wb.addWorksheet(sheetName(`${i + 1}.${project.name}`, taken), { pageSetup: pageSetup(PROJECT_TITLE_ROWS) });
    fillProjectSheet(ws, doc, project, i + 1);
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
