import { JixiaoError, fail, type Result } from '../errors.ts';
import { newId as randomId } from '../ids.ts';
import type { BudgetText } from '../model/budget-text-schema.ts';
import { assembleImport } from './assemble-import.ts';
import { withoutThrowing } from './internal-failure.ts';
import { tableTitleOf } from './find-tables.ts';
import { HEADER_LABELS, labelOf, valueAfter } from './grid-labels.ts';
import type { ImportOptions, ImportReport } from './import-report.ts';
import { isIndicatorHeader } from './indicator-terms.ts';
import { officeGridRows } from './office-grid-rows.ts';
import { rowText, type OfficeRow, type OfficeSource } from './office-rows.ts';
import { readGridTable } from './read-grid-table.ts';
import type { RawProject, SourceLine } from './raw-project.ts';

// Mirrors the schema's cap on projects, as in the text importer.
const MAX_PROJECTS = 1_000;

const NO_TABLES = new JixiaoError({
  code: 'UNSUPPORTED_LAYOUT',
  zh: '文件中没有找到绩效目标表（需要含“项目编码”和“一级指标”“二级指标”等表头的表格）。',
  en: 'The file holds no 绩效目标表 (a table with 项目编码 and 一级指标 / 二级指标 headers is needed).',
});

const labelsOf = (row: OfficeRow): string[] => row.cells.map((c) => labelOf(c.text));
// A title is the row's only text, in a paragraph, a merged cell or one cell of an otherwise blank sheet row.
const titleOf = (row: OfficeRow): string | null => {
  const filled = row.cells.filter((c) => c.text.trim() !== '');
  return filled.length === 1 ? tableTitleOf(filled[0]?.text ?? '') : null;
};
const isTitle = (row: OfficeRow): boolean => titleOf(row) !== null;
const isUnitLine = (row: OfficeRow): boolean => /^\d{6}\s*[\u0080-\uffff]/.test(rowText(row).trim()) && rowText(row).length < 300;
const hasHeaderLabel = (row: OfficeRow): boolean => !row.paragraph && labelsOf(row).some((l) => HEADER_LABELS.has(l));

/** Indices of the rows that open a 绩效目标表: a 项目编码 row followed, before the next one, by the indicator header or a filled 预算数. */
function tableStarts(rows: readonly OfficeRow[]): number[] {
  const candidates = rows.flatMap((row, i) => (!row.paragraph && labelsOf(row).includes('项目编码') ? [i] : []));
  return candidates.filter((start, k) => {
    const end = candidates[k + 1] ?? rows.length;
    for (let i = start; i < end; i++) {
      const row = rows[i] as OfficeRow;
      const labels = labelsOf(row);
      if (isIndicatorHeader(labels.join(''))) return true;
      const at = labels.indexOf('预算数');
      if (at >= 0 && valueAfter(row.cells.map((c) => ({ text: c.text, line: row.line })), labels, at) !== null) return true;
    }
    return false;
  });
}

/** Moves a table's start up over the header rows, unit line and title that a template puts above its 项目编码 row. */
function widenStart(rows: readonly OfficeRow[], start: number, floor: number): number {
  let k = start;
  while (k - 1 > floor) {
    const row = rows[k - 1] as OfficeRow;
    if (isTitle(row)) return k - 1;
    if (!hasHeaderLabel(row) && !isUnitLine(row)) break;
    k--;
  }
  return k;
}

/**
 * Imports an office file given as rows (see office-rows.ts, read by the .docx/.xlsx readers) through the same
 * pipeline and report as the text layouts: each 绩效目标表 runs from its title (or header rows) to the next
 * one, so a table continued after a page break is one table; its header block is read by label and its grid
 * with merged cells filled (office-grid-rows.ts); 第一部分, cover title, year and department come from the
 * paragraphs before the first table. Fails with UNSUPPORTED_LAYOUT when the file holds no 绩效目标表.
 */
export function importOfficeRows(source: OfficeSource, options: ImportOptions = {}): Result<{ doc: BudgetText; report: ImportReport }> {
  return withoutThrowing(() => importChecked(source, options.newId ?? randomId));
}

function importChecked(source: OfficeSource, newId: () => string): Result<{ doc: BudgetText; report: ImportReport }> {
  const rows = source.rows.filter((r) => !r.paragraph || rowText(r).trim() !== '');
  const starts = tableStarts(rows);
  if (starts.length === 0) return fail(NO_TABLES);
  if (starts.length > MAX_PROJECTS) {
    return fail(new JixiaoError({
      code: 'IMPORT_FAILED',
      zh: `文件中有 ${starts.length} 张绩效目标表，超过一个文档的上限 ${MAX_PROJECTS} 张，请拆分后再导入。`,
      en: `The file holds ${starts.length} tables, more than the ${MAX_PROJECTS} one document can take; split it and import again.`,
    }));
  }
  const widened: number[] = [];
  starts.forEach((start, k) => widened.push(widenStart(rows, start, k === 0 ? -1 : (starts[k - 1] as number))));
  const raws: RawProject[] = widened.map((start, k) => {
    const body = rows.slice(start, widened[k + 1] ?? rows.length);
    const first = body[0] as OfficeRow;
    const titled = isTitle(first);
    const title = titleOf(first) ?? '';
    return readGridTable(title, first.line, officeGridRows(titled ? body.slice(1) : body));
  });
  const lines: SourceLine[] = rows.map((r) => ({ text: rowText(r), line: r.line }));
  return assembleImport({ layout: source.layout, lines, firstTable: widened[0] as number, raws, newId });
}
