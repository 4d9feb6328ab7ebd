import { addGridIndicator } from './add-grid-indicator.ts';
import { HEADER_LABELS, appendCell, joinCellsFrom, labelOf, valueAfter } from './grid-labels.ts';
import { checkpointOf, isIndicatorHeader } from './indicator-terms.ts';
import { emptyRawProject, noteUnplaced, type GridRow, type RawNote, type RawProject } from './raw-project.ts';

type Phase = 'head' | 'purpose' | 'planValues' | 'afterPlan' | 'goal' | 'indicators';

// `434001 遵化市人民政府办公室本级`, `479002河北乐亭经济开发区管理委员会`
const UNIT_LINE = /^(\d{6})\s*([\u0080-\uffff][^\n]{0,200}?)\s*(?:单位[:：]\s*万元)?$/;

/**
 * Reads one 绩效目标表 given as grid rows (TSV, markdown or cell-lines) into a `RawProject`:
 * header fields by their labels (项目编码, 项目名称, 预算数, 财政资金, 其他资金, the purpose row(s) after the
 * budget row, 资金支出计划 checkpoints and the value row below them, 绩效目标), then one indicator per row
 * below the 一级指标 header. Text that fits nowhere is noted, never silently dropped.
 */
export function readGridTable(title: string, titleLine: number, rows: readonly GridRow[], notes: readonly RawNote[] = []): RawProject {
  const project = emptyRawProject(titleLine, title);
  let phase: Phase = 'head';
  let previous = -1;
  for (const row of rows) {
    const labels = row.cells.map((c) => labelOf(c.text));
    const after = previous;
    previous = row.line;
    if (phase === 'indicators') {
      addGridIndicator(project, row, labels, after);
      continue;
    }
    if (isIndicatorHeader(labels.join(''))) {
      phase = 'indicators';
      continue;
    }
    if (phase === 'planValues' && project.plan !== null) {
      project.plan.values = row.cells.map((c, col) => ({ ...c, col })).filter((c) => labelOf(c.text) !== '');
      phase = 'afterPlan';
      continue;
    }
    if (readHeaderRow(project, row, labels)) {
      phase = labels.includes('预算数') ? 'purpose'
        : project.plan?.line === row.line ? 'planValues'
          : labels.includes('绩效目标') ? 'goal' : phase;
      continue;
    }
    const text = joinCellsFrom(row.cells, 0);
    if (text === null) continue;
    if (phase === 'purpose') project.purpose = appendCell(project.purpose, text);
    else if (phase === 'goal') project.goal = appendCell(project.goal, text);
    else {
      noteUnplaced(project, { line: row.line, after }, '表头中的文字无法对应到任何字段，未导入。', 'Text in the table header matches no field and was not imported.', text.text);
    }
  }
  // Row notes from the layout parser point at the indicator row they belong to: the last one starting at or above them.
  for (const note of notes) {
    const index = project.indicators.findLastIndex((row) => row.line <= note.line);
    project.notes.push(index < 0 ? note : { ...note, indicator: index });
  }
  return project;
}

/** Fills the header fields a labelled row carries; returns false when the row has no header label. */
function readHeaderRow(project: RawProject, row: GridRow, labels: readonly string[]): boolean {
  const unit = UNIT_LINE.exec(labels.filter((l) => l !== '').join(' '));
  if (project.unit === null && project.code === null && unit !== null) {
    project.unit = { code: unit[1] as string, name: unit[2] as string, line: row.line };
    return true;
  }
  let found = false;
  labels.forEach((label, i) => {
    const after = (): ReturnType<typeof valueAfter> => valueAfter(row.cells, labels, i);
    if (label === '项目编码') project.code = after();
    else if (label === '项目名称') project.name = after();
    else if (label === '预算数') project.total = after();
    else if (label.endsWith('财政资金')) project.fiscal = after();
    else if (label === '其他资金') project.other = after();
    else if (label === '绩效目标') project.goal = joinCellsFrom(row.cells, i + 1);
    // The official .docx template labels the purpose row; text layouts leave that cell blank (merged).
    else if (label === '资金用途') project.purpose = appendCell(project.purpose, joinCellsFrom(row.cells, i + 1));
    else if (checkpointOf(label) !== null) {
      project.plan ??= { line: row.line, headers: [], values: [] };
      project.plan.headers.push({ ...(row.cells[i] ?? { text: label, line: row.line }), col: i });
      if (labels.some((l) => l.startsWith('资金支出计划') && l.includes('万元'))) project.plan.amountLabel = true;
    } else if (!HEADER_LABELS.has(label)) return;
    found = true;
  });
  return found;
}
