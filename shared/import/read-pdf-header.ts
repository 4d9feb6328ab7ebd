import { checkpointOf } from './indicator-terms.ts';
import { labelOf } from './grid-labels.ts';
import { joinWrapped } from './normalize-cell.ts';
import { noteUnplaced, type RawCell, type RawProject, type SourceLine } from './raw-project.ts';

type Field = 'code' | 'name' | 'purpose' | 'goal' | null;

// Label fragments a PDF wraps over lines: `预算规模及` / `资金用途`, `其中：财政` / `资金`, `资金支出计` / `划（%）`.
const LABEL_FRAGMENTS = new Set(['预算规模及', '资金用途', '预算规模及资金用途', '其中：财政', '资金', '其中：财政资金', '资金支出计', '划（%）', '资金支出计划（%）', '单位：万元']);
const UNIT_LINE = /^(\d{6})\s*([\u0080-\uffff][^\n]{0,200}?)\s*(?:单位[:：]\s*万元)?$/;
const FISCAL_LINE = /^(?:其中[:：]?\s*财政\s*资金\s*)?(\S{1,40})\s+其他资金\s*(.{0,40})$/;
const ITEM_START = /^\d{1,2}\s?[.、．]/;

function extend(cell: RawCell | null, piece: string, line: number, separator: 'wrap' | 'none' | 'paragraph'): RawCell {
  if (cell === null) return { text: piece, line };
  const text = separator === 'none' ? cell.text + piece
    : separator === 'paragraph' ? `${cell.text}\n${piece}` : joinWrapped([cell.text, piece]);
  return { text, line: cell.line };
}

/**
 * Reads the header of a PDF-lines table (seed 000) — the lines between the title and the indicator header:
 * unit line, 项目编码 (a code broken over two lines is joined without a gap), 项目名称, 预算数,
 * `<财政资金> 其他资金 [<其他资金>]`, the purpose lines after it, the 3月底…12月底 line and the value
 * line under it (matched by token position), and 绩效目标 (a new item `2.` starts a new paragraph).
 */
export function readPdfHeader(project: RawProject, lines: readonly SourceLine[]): void {
  let field: Field = null;
  let planValuesNext = false;
  let previous = -1;
  for (const { text: rawText, line } of lines) {
    const text = rawText.trim();
    if (text === '') {
      if (field === 'code' || field === 'name') field = null;
      continue;
    }
    const after = previous;
    previous = line;
    const label = labelOf(text);
    const tokens = text.replace(/(\d{1,2})\s+月底/g, '$1月底').split(/\s+/);
    const unit = UNIT_LINE.exec(text);
    const fiscal = FISCAL_LINE.exec(text);
    if (planValuesNext && project.plan !== null) {
      project.plan.values = tokens.map((t, col) => ({ text: t, line, col }));
      planValuesNext = false;
    } else if (project.unit === null && project.code === null && unit !== null) {
      project.unit = { code: unit[1] as string, name: unit[2] as string, line };
    } else if (label.startsWith('项目编码')) {
      project.code = { text: label.slice(4), line };
      field = 'code';
    } else if (label.startsWith('项目名称')) {
      project.name = { text: text.replace(/^项目名称\s*/, ''), line };
      field = 'name';
    } else if (label.startsWith('预算数')) {
      project.total = { text: label.slice(3), line };
      field = null;
    } else if (fiscal !== null) {
      project.fiscal = { text: fiscal[1] as string, line };
      project.other = fiscal[2] === '' ? null : { text: fiscal[2] as string, line };
      field = 'purpose';
    } else if (tokens.every((t) => checkpointOf(t) !== null)) {
      project.plan = { line, headers: tokens.map((t, col) => ({ text: t, line, col })), values: [] };
      planValuesNext = true;
      field = null;
    } else if (label.startsWith('绩效目标')) {
      project.goal = label === '绩效目标' ? null : { text: text.replace(/^绩效目标\s*/, ''), line };
      field = 'goal';
    } else if (LABEL_FRAGMENTS.has(label)) {
      if (label.startsWith('资金支出计') || label.startsWith('划')) field = null;
    } else if (field === 'code') {
      project.code = extend(project.code, label, line, 'none');
    } else if (field === 'name' || field === 'purpose') {
      project[field] = extend(project[field], text, line, 'wrap');
    } else if (field === 'goal') {
      project.goal = extend(project.goal, text, line, ITEM_START.test(text) ? 'paragraph' : 'wrap');
    } else {
      noteUnplaced(project, { line, after }, '表头中的文字无法对应到任何字段，未导入。', 'Text in the table header matches no field and was not imported.', text);
    }
  }
}
