import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importBudgetText, type ImportReport } from '../../../shared/import/index.ts';
import type { BudgetText, Indicator, Project } from '../../../shared/model/budget-text-schema.ts';

/** The demo seeds: real 绩效文本 in the five layouts text extraction produces. */
export const SEEDS = {
  pdfLines: '000_dab3d716b961eaf4.txt',
  tsv: '001_1dc3a85c290a1481.txt',
  cellLines: '002_5c6f3b5fd23eb4e3.txt',
  markdown: '003_bc1e709cbc29c5ff.txt',
  cellLinesTown: '004_0404a47cf35d884c.txt',
} as const;

/** Folder the demo loader and these tests read the seeds from. */
export const SEED_DIR = fileURLToPath(new URL('../../../server/demo/seeds/', import.meta.url));

/** The text of one seed file. */
export function readSeed(file: string): string {
  return readFileSync(SEED_DIR + file, 'utf8');
}

/** Ids `id1`, `id2`, … in the order the importer asks for them, so tests can name projects and rows. */
export function counterIds(): () => string {
  let n = 0;
  return () => `id${++n}`;
}

/** Imports a seed with counter ids; throws (failing the test) if the import fails. */
export function importSeed(file: string): { doc: BudgetText; report: ImportReport } {
  const result = importBudgetText(readSeed(file), { newId: counterIds() });
  if (!result.ok) throw result.error;
  return result.value;
}

/** Project number `n` (1-based, as numbered in the source titles). */
export function projectAt(doc: BudgetText, n: number): Project {
  const project = doc.projects[n - 1];
  if (project === undefined) throw new Error(`no project ${n}`);
  return project;
}

/** The six columns of indicator row `n` (1-based) of project `p`: 一级, 二级, 三级, 描述, 指标值, 依据. */
export function rowAt(doc: BudgetText, p: number, n: number): string[] {
  const row: Indicator | undefined = projectAt(doc, p).indicators[n - 1];
  if (row === undefined) throw new Error(`no row ${n} in project ${p}`);
  return [row.level1, row.level2, row.name, row.description, row.value, row.basis];
}

/** The report's guesses as `line field` strings, for comparing the whole list at once. */
export function guessKeys(report: ImportReport): string[] {
  return report.guesses.map((g) => `${g.line} ${g.field ?? ''}`.trim());
}
