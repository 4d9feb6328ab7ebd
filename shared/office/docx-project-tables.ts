import { AlignmentType, Paragraph, Table, TableLayoutType, TableRow, TextRun, WidthType, type TableCell } from 'docx';
import type { Project } from '../model/budget-text-schema.ts';
import { GRID_COLUMNS, TABLE_BORDERS, TABLE_FONT, TEXT_WIDTH, tableCell } from './docx-style.ts';
import { indicatorRuns } from './indicator-runs.ts';
import { GRID_LABELS, PLAN_CHECKPOINTS, formatAmount, formatPlanValue, planLabel } from './office-labels.ts';

const label = (text: string, col: number, span = 1): TableCell => tableCell(text, { col, span, center: true });

function table(rows: TableRow[]): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [...GRID_COLUMNS],
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    margins: { left: 60, right: 60, top: 30, bottom: 30 },
    rows,
  });
}

/** The header block: 项目编码/名称, 预算规模及资金用途, 资金支出计划 with its unit, 绩效目标 (merges written as Word writes them). */
function headerBlock(project: Project): Table {
  const plan = project.spendingPlan;
  const rows = [
    [label('项目编码', 0), tableCell(project.code, { col: 1, span: 3 }), label('项目名称', 4), tableCell(project.name, { col: 5, span: 3 })],
    [
      tableCell('预算规模及资金用途', { col: 0, merge: 'restart', center: true }), label('预算数', 1),
      tableCell(formatAmount(project.budget.total), { col: 2, center: true }), label('其中：财政资金', 3),
      tableCell(formatAmount(project.budget.fiscal), { col: 4, center: true }), label('其他资金', 5),
      tableCell(formatAmount(project.budget.other), { col: 6, span: 2, center: true }),
    ],
    [tableCell('', { col: 0, merge: 'continue' }), label('资金用途', 1), tableCell(project.purpose, { col: 2, span: 6 })],
    [tableCell(planLabel(project), { col: 0, merge: 'restart', center: true }), ...PLAN_CHECKPOINTS.map(([, name], i) => label(name, 1 + i * 2, i === 3 ? 1 : 2))],
    [
      tableCell('', { col: 0, merge: 'continue' }),
      ...PLAN_CHECKPOINTS.map(([key], i) => tableCell(formatPlanValue(plan[key], plan.unit), { col: 1 + i * 2, span: i === 3 ? 1 : 2, center: true })),
    ],
    [label('绩效目标', 0), tableCell(project.goal, { col: 1, span: 7 })],
  ];
  return table(rows.map((children) => new TableRow({ children, cantSplit: true })));
}

/**
 * The indicator grid: its header row repeats on every page (`tblHeader`), no row splits across pages
 * (`cantSplit`), and 一级指标/二级指标 are merged down over their runs (`vMerge`). Groups are not chained
 * with `keepNext`: LibreOffice then moved whole grids to the next page, leaving half pages blank.
 */
function indicatorGrid(project: Project): Table {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [label(GRID_LABELS[0], 0), label(GRID_LABELS[1], 1), label(GRID_LABELS[2], 2), label(GRID_LABELS[3], 3, 2), label(GRID_LABELS[4], 5), label(GRID_LABELS[5], 6, 2)],
  });
  const runs = indicatorRuns(project.indicators);
  const rows = project.indicators.map((row, i) => {
    const run = runs[i] as { level1: number; level2: number };
    const merged = (text: string, col: number, length: number): TableCell => tableCell(text, {
      col, center: true, ...(length === 0 ? { merge: 'continue' as const } : length > 1 ? { merge: 'restart' as const } : {}),
    });
    return new TableRow({
      cantSplit: true,
      children: [
        merged(row.level1, 0, run.level1), merged(row.level2, 1, run.level2), tableCell(row.name, { col: 2 }),
        tableCell(row.description, { col: 3, span: 2 }), tableCell(row.value, { col: 5, center: true }), tableCell(row.basis, { col: 6, span: 2 }),
      ],
    });
  });
  return table([header, ...rows]);
}

/**
 * One project's 绩效目标表 as .docx content: the header block and the indicator grid, written as two tables
 * that touch (a 1-pt paragraph between them keeps Word from fusing them), because Word repeats only a table's
 * first rows on a new page and the grid's header must be the one repeated.
 */
export function projectTables(project: Project): (Table | Paragraph)[] {
  // The paragraph mark's own size (`run`) decides the line height of an empty paragraph.
  const joint = new Paragraph({ spacing: { before: 0, after: 0, line: 20, lineRule: 'exact' }, alignment: AlignmentType.LEFT, run: { size: 2 }, children: [new TextRun({ text: '', font: TABLE_FONT, size: 2 })] });
  return [headerBlock(project), joint, indicatorGrid(project)];
}

