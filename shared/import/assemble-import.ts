import { JixiaoError, fail, ok, type Result } from '../errors.ts';
import { BudgetTextSchema, SCHEMA_VERSION, type BudgetText } from '../model/budget-text-schema.ts';
import { buildProject, planEvidenceOf } from './build-project.ts';
import { sortGuesses, type ImportLayout, type ImportReport, type ImportReportEntry } from './import-report.ts';
import { prevailingPlanUnit } from './plan-evidence.ts';
import type { RawProject, SourceLine } from './raw-project.ts';
import { readNarrative } from './read-narrative.ts';
import { resolveDocumentMeta } from './resolve-document-meta.ts';

// Report entries listed one by one; a real 绩效文本 has a few dozen at most.
const MAX_GUESSES = 1_000;

/** What every layout hands to the last steps: the source lines, where the first table starts, and the tables read. */
export interface ParsedSource {
  layout: ImportLayout;
  lines: readonly SourceLine[];
  /** Index into `lines` of the first table's first line: 第一部分 and the cover lie before it. */
  firstTable: number;
  raws: readonly RawProject[];
  newId: () => string;
}

/**
 * The steps shared by the text and office importers: builds each project (ids, amounts, plan unit settled
 * by the document's prevailing unit), reads 第一部分 and the title/year/department, checks the result
 * against `BudgetTextSchema` and returns it with the report of guesses in source order.
 */
export function assembleImport(source: ParsedSource): Result<{ doc: BudgetText; report: ImportReport }> {
  const { layout, lines, firstTable, raws, newId } = source;
  const planUnit = prevailingPlanUnit(raws.map(planEvidenceOf));
  const exactText = layout === 'docx' || layout === 'xlsx';
  const built = raws.map((raw) => buildProject(raw, { newId, planUnit, exactText }));
  const projects = built.map((b) => b.project);
  const narrative = readNarrative(lines, firstTable, layout);
  const meta = resolveDocumentMeta(lines, firstTable, raws, projects.map((p) => p.code));
  // concat, not push(...spread): a hostile file can yield more entries than a call may take arguments.
  const guesses = ([] as ImportReportEntry[]).concat(...built.map((b) => b.guesses), narrative.guesses, meta.guesses);
  const parsed = BudgetTextSchema.safeParse({
    schemaVersion: SCHEMA_VERSION,
    title: meta.title,
    year: meta.year,
    department: meta.department,
    unit: '万元',
    overview: narrative.overview,
    projects,
  });
  if (!parsed.success) {
    return fail(new JixiaoError({
      code: 'IMPORT_FAILED',
      zh: '导入结果不符合文档格式（可能是表格或文字过多、过长），请拆分文件后再导入。',
      en: 'The imported result does not fit the document format (perhaps too many or too long tables or texts); split the file and import again.',
      details: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`),
    }));
  }
  const indicators = projects.reduce((sum, p) => sum + p.indicators.length, 0);
  return ok({ doc: parsed.data, report: { layout, projects: projects.length, indicators, guesses: capGuesses(sortGuesses(guesses)) } });
}

/** At most `MAX_GUESSES` entries; the rest are summed up in a last entry, so the report stays readable. */
function capGuesses(guesses: ImportReportEntry[]): ImportReportEntry[] {
  if (guesses.length <= MAX_GUESSES) return guesses;
  const rest = guesses.length - MAX_GUESSES + 1;
  const first = guesses[MAX_GUESSES - 1] as ImportReportEntry;
  return [...guesses.slice(0, MAX_GUESSES - 1), {
    line: first.line,
    zh: `另有 ${rest} 条推断或未导入的内容未逐条列出（自第 ${first.line} 行起），该文件可能不是绩效文本。`,
    en: `${rest} more guesses or skipped passages are not listed (from line ${first.line} on); the file may not be a performance text.`,
  }];
}
