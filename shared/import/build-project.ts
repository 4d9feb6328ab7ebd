import type { Indicator, Project } from '../model/budget-text-schema.ts';
import { parseAmount, planEvidence, type PlanEvidence } from './plan-evidence.ts';
import type { ImportReportEntry } from './import-report.ts';
import { compact, normalizeCell, splitNumberedItems } from './normalize-cell.ts';
import { placePlanValues } from './place-plan-values.ts';
import type { RawCell, RawNote, RawProject } from './raw-project.ts';

/**
 * What building a project needs from the whole import: the id source, the document's prevailing plan unit,
 * and whether cell text is exact (`exactText`: .docx/.xlsx cells, where a space is a space the author typed,
 * not a wrap artefact of text extraction; only the cell's ends are trimmed).
 */
export interface BuildContext {
  newId: () => string;
  planUnit: 'percent' | 'amount';
  exactText?: boolean;
}

/** The unit evidence of a raw project's 资金支出计划, before the document-wide unit is known. */
export function planEvidenceOf(raw: RawProject): PlanEvidence {
  return planEvidence(placePlanValues(raw.plan, raw.line).cells, parseAmount(raw.total?.text), raw.plan?.amountLabel);
}

/**
 * Turns a `RawProject` into a canonical `Project` with fresh ids: normalised text, amounts in 万元 (blank → null,
 * never 0), the spending plan by checkpoint with its unit, 一级指标 filled down from the merged cell above,
 * and a 指标值 whose digits a wrap split (`≥200 0 人`) joined. Every parser note and every guess made here
 * becomes an import-report entry addressed by project/indicator id.
 */
export function buildProject(raw: RawProject, context: BuildContext): { project: Project; guesses: ImportReportEntry[] } {
  const text = (cell: RawCell | null): string => {
    if (cell === null) return '';
    return context.exactText === true ? cell.text.replace(/\r\n?/g, '\n').trim() : normalizeCell(cell.text);
  };
  const projectId = context.newId();
  const indicatorIds = raw.indicators.map(() => context.newId());
  const guesses: ImportReportEntry[] = [];
  const report = (note: RawNote): void => {
    const indicator = note.indicator === undefined ? undefined : indicatorIds[note.indicator];
    guesses.push({
      project: projectId, ...(indicator === undefined ? {} : { indicator }), ...(note.field === undefined ? {} : { field: note.field }),
      line: note.line, zh: note.zh, en: note.en, ...(note.raw === undefined ? {} : { raw: note.raw }),
    });
  };
  raw.notes.forEach(report);
  const amount = (cell: RawCell | null, field: string): number | null => {
    if (cell === null || compact(cell.text) === '') return null;
    const value = parseAmount(cell.text);
    if (value === null) report({ field, line: cell.line, zh: '金额不是有效数字，已留空。', en: 'The amount is not a valid number; it was left blank.', raw: cell.text });
    return value;
  };
  const total = amount(raw.total, 'budget.total');
  const placed = placePlanValues(raw.plan, raw.line);
  placed.notes.forEach(report);
  const evidence = planEvidence(placed.cells, total, raw.plan?.amountLabel);
  if (evidence === 'ambiguous') {
    report({
      field: 'spendingPlan', line: raw.plan?.line ?? raw.line,
      zh: `资金支出计划数值未写“%”且无法确定是百分比还是金额，按本文档多数表格判断为${context.planUnit === 'amount' ? '金额（万元）' : '百分比'}。`,
      en: `Spending-plan values carry no % and could be percentages or amounts; like most tables of this document they were read as ${context.planUnit === 'amount' ? 'amounts in 万元' : 'percentages'}.`,
      raw: Object.values(placed.cells).map((c) => c?.text.trim() ?? '').join(' | '),
    });
  }
  const unit = evidence === 'percent' || evidence === 'amount' ? evidence : context.planUnit;
  let level1 = '';
  const indicators = raw.indicators.map((row, index): Indicator => {
    const [l1, l2, name, description, value, basis] = row.cells.map((c) => text(c)) as [string, string, string, string, string, string];
    if (l1 !== '') level1 = l1;
    else if (level1 === '') report({ indicator: index, field: 'level1', line: row.line, zh: '一级指标为空，且上方没有可沿用的一级指标。', en: '一级指标 is blank and there is none above to carry down.' });
    let joinedValue = value;
    if (context.exactText !== true && /\d \d/.test(value)) {
      joinedValue = value.replace(/(\d) (?=\d)/g, '$1');
      report({ indicator: index, field: 'value', line: row.cells[4].line, zh: '指标值的数字被换行空格隔开，已合并。', en: 'A line-wrap space split the digits of the value; they were joined.', raw: value });
    }
    return { id: indicatorIds[index] as string, level1, level2: l2, name, description, value: joinedValue, basis };
  });
  const project: Project = {
    id: projectId,
    code: compact(raw.code?.text ?? ''),
    name: text(raw.name),
    budget: { total, fiscal: amount(raw.fiscal, 'budget.fiscal'), other: amount(raw.other, 'budget.other') },
    purpose: text(raw.purpose),
    spendingPlan: {
      unit,
      mar: amount(placed.cells.mar, 'spendingPlan.mar'),
      jun: amount(placed.cells.jun, 'spendingPlan.jun'),
      oct: amount(placed.cells.oct, 'spendingPlan.oct'),
      dec: amount(placed.cells.dec, 'spendingPlan.dec'),
    },
    goal: raw.goal === null ? '' : context.exactText === true ? text(raw.goal) : normalizeCell(splitNumberedItems(raw.goal.text)),
    indicators,
  };
  return { project, guesses };
}
