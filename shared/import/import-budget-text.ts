import { JixiaoError, fail, type Result } from '../errors.ts';
import { newId as randomId } from '../ids.ts';
import type { BudgetText } from '../model/budget-text-schema.ts';
import { assembleImport } from './assemble-import.ts';
import { withoutThrowing } from './internal-failure.ts';
import { detectLayout } from './detect-layout.ts';
import { findTables } from './find-tables.ts';
import { guardInput } from './guard-input.ts';
import type { ImportOptions, ImportReport } from './import-report.ts';
import { parseTable } from './parse-table.ts';
// Mirrors the schema's cap on projects; checked before parsing so a hostile file fails fast.
const MAX_PROJECTS = 1_000;

const UNSUPPORTED = new JixiaoError({
  code: 'UNSUPPORTED_LAYOUT',
  zh: '未识别出部门预算绩效文本的表格（需要“N.<项目>绩效目标表”标题和“项目编码”“一级指标”等表头）。请导入从 Word 或 PDF 导出的绩效文本 .txt 文件。',
  en: 'No budget performance tables were recognised (a “N.<项目>绩效目标表” title with 项目编码 / 一级指标 headers is needed). Import a .txt export of the performance text from Word or PDF.',
});

/**
 * Imports a 部门预算绩效文本 exported as text from Word or PDF into the canonical JSON form.
 * Detects the layout (PDF line soup, TSV, one cell per line, markdown pipe tables), reads 第一部分's
 * narrative sections and every 绩效目标表 in source order, and returns the document (valid against
 * `BudgetTextSchema`) with a report of every cell it had to guess at. Never throws: empty, binary,
 * oversized or JSON input and text without tables give `UNSUPPORTED_LAYOUT` or `IMPORT_FAILED`.
 */
export function importBudgetText(source: string, options: ImportOptions = {}): Result<{ doc: BudgetText; report: ImportReport }> {
  return withoutThrowing(() => importChecked(source, options.newId ?? randomId));
}

function importChecked(source: string, newId: () => string): Result<{ doc: BudgetText; report: ImportReport }> {
  const guarded = guardInput(source);
  if (!guarded.ok) return guarded;
  const lines = guarded.value;
  const layout = detectLayout(lines);
  const tables = findTables(lines);
  const firstTable = tables[0];
  if (layout === null || firstTable === undefined) return fail(UNSUPPORTED);
  if (tables.length > MAX_PROJECTS) {
    return fail(new JixiaoError({
      code: 'IMPORT_FAILED',
      zh: `文件中有 ${tables.length} 张绩效目标表，超过一个文档的上限 ${MAX_PROJECTS} 张，请拆分后再导入。`,
      en: `The file holds ${tables.length} tables, more than the ${MAX_PROJECTS} one document can take; split it and import again.`,
    }));
  }
  const raws = tables.map((span) => parseTable(layout, lines, span));
  return assembleImport({ layout, lines, firstTable: firstTable.start, raws, newId });
}
