import type ExcelJS from 'exceljs';
import { LEVEL1_TERMS, LEVEL2_TERMS } from '../../shared/import/indicator-terms.ts';
import type { BudgetText, Project } from '../../shared/model/budget-text-schema.ts';
import { indicatorRuns, GRID_LABELS, PLAN_CHECKPOINTS, planLabel, projectHeading, unitLine } from '../../shared/office/index.ts';
import { styleBlock, writeLongText } from './xlsx-cells.ts';

/** Column widths (characters) of the eight table columns, matching the .docx grid. */
const WIDTHS = [11, 13, 16, 14, 10, 15, 16, 14];
const TABLE_COLUMNS = WIDTHS.length;
/** Number formats: amounts in 万元 with two decimals; plan percentages stored as fractions. */
const AMOUNT = '0.00';
const PERCENT = '0.00%';
const GRID_HEADER_ROW = 9;

/**
 * Fills one project's sheet in the table layout of the .docx: heading, unit line with 单位：万元, the header
 * block (rows 3–8) and the indicator grid (header in row 9, repeated on printed pages and frozen), with
 * 一级/二级指标 merged over their runs, amounts as numbers with two decimals, plan percentages as % numbers,
 * list validation on 一级/二级指标, A4 landscape fit to width.
 */
export function fillProjectSheet(ws: ExcelJS.Worksheet, doc: BudgetText, project: Project, n: number): void {
  WIDTHS.forEach((width, i) => (ws.getColumn(i + 1).width = width));
  let overflow = TABLE_COLUMNS + 1;
  const put = (row: number, col: number, value: string | number | null, numFmt?: string): void => {
    if (typeof value === 'string') overflow = writeLongText(ws, row, col, value, overflow);
    else if (value !== null) Object.assign(ws.getCell(row, col), { value, ...(numFmt === undefined ? {} : { numFmt }) });
  };
  const merge = (top: number, left: number, bottom: number, right: number, value: string | number | null, center = false, numFmt?: string): void => {
    if (bottom > top || right > left) ws.mergeCells(top, left, bottom, right);
    put(top, left, value, numFmt);
    styleBlock(ws, top, left, bottom, right, center);
  };
  ws.mergeCells(1, 1, 1, TABLE_COLUMNS);
  put(1, 1, projectHeading(project, n));
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, 6);
  put(2, 1, unitLine(doc.department));
  ws.mergeCells(2, 7, 2, 8);
  put(2, 7, '单位：万元');
  ws.getCell(2, 7).alignment = { horizontal: 'right' };

  const plan = project.spendingPlan;
  merge(3, 1, 3, 1, '项目编码', true); merge(3, 2, 3, 4, project.code); merge(3, 5, 3, 5, '项目名称', true); merge(3, 6, 3, 8, project.name);
  merge(4, 1, 5, 1, '预算规模及资金用途', true); merge(4, 2, 4, 2, '预算数', true); merge(4, 3, 4, 3, project.budget.total, true, AMOUNT);
  merge(4, 4, 4, 4, '其中：财政资金', true); merge(4, 5, 4, 5, project.budget.fiscal, true, AMOUNT);
  merge(4, 6, 4, 6, '其他资金', true); merge(4, 7, 4, 8, project.budget.other, true, AMOUNT);
  merge(5, 2, 5, 2, '资金用途', true); merge(5, 3, 5, 8, project.purpose);
  merge(6, 1, 7, 1, planLabel(project), true);
  PLAN_CHECKPOINTS.forEach(([key, label], i) => {
    const left = 2 + i * 2;
    const right = i === 3 ? left : left + 1;
    const value = plan[key];
    merge(6, left, 6, right, label, true);
    merge(7, left, 7, right, value === null ? null : plan.unit === 'percent' ? value / 100 : value, true, plan.unit === 'percent' ? PERCENT : AMOUNT);
  });
  merge(8, 1, 8, 1, '绩效目标', true); merge(8, 2, 8, 8, project.goal);

  const g = GRID_HEADER_ROW;
  merge(g, 1, g, 1, GRID_LABELS[0], true); merge(g, 2, g, 2, GRID_LABELS[1], true); merge(g, 3, g, 3, GRID_LABELS[2], true);
  merge(g, 4, g, 5, GRID_LABELS[3], true); merge(g, 6, g, 6, GRID_LABELS[4], true); merge(g, 7, g, 8, GRID_LABELS[5], true);
  const runs = indicatorRuns(project.indicators);
  project.indicators.forEach((row, i) => {
    const r = g + 1 + i;
    const run = runs[i] as { level1: number; level2: number };
    if (run.level1 > 0) merge(r, 1, r + run.level1 - 1, 1, row.level1, true);
    if (run.level2 > 0) merge(r, 2, r + run.level2 - 1, 2, row.level2, true);
    merge(r, 3, r, 3, row.name); merge(r, 4, r, 5, row.description); merge(r, 6, r, 6, row.value, true); merge(r, 7, r, 8, row.basis);
  });
  const last = g + Math.max(1, project.indicators.length);
  // One range per rule: cell-by-cell validations come out as overlapping ranges (exceljs#2820).
  const validations = (ws as unknown as { dataValidations: { add: (range: string, rule: ExcelJS.DataValidation) => void } }).dataValidations;
  const list = (terms: readonly string[]): ExcelJS.DataValidation => ({
    type: 'list', allowBlank: true, formulae: [`"${terms.join(',')}"`], showErrorMessage: true, errorStyle: 'warning',
    errorTitle: '指标名称', error: '不在常用指标列表中，请确认。',
  });
  validations.add(`A${g + 1}:A${last}`, list(LEVEL1_TERMS));
  validations.add(`B${g + 1}:B${last}`, list(LEVEL2_TERMS));
  ws.views = [{ state: 'frozen', ySplit: g, xSplit: 0 }];
}

/** Page setup of every sheet: A4 landscape, fit to one page wide; on project sheets the grid header repeats on each page. */
export function pageSetup(titleRows?: string): Partial<ExcelJS.PageSetup> {
  return { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, ...(titleRows === undefined ? {} : { printTitlesRow: titleRows }) };
}

/** The rows to repeat on each printed page of a project sheet. */
export const PROJECT_TITLE_ROWS = `${GRID_HEADER_ROW}:${GRID_HEADER_ROW}`;
