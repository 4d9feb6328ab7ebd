import type { BudgetText } from '../model/budget-text-schema.ts';
import { canonicalizeSymbols, stripWhitespace } from './normalize-value-text.ts';
import type { ProjectView } from './project-view.ts';
import type { ValidationSettings } from './validation-settings.ts';

/** Document facts that project rules depend on; when any of them changes, cached project findings are stale. */
export interface ValidationContext {
  settings: ValidationSettings;
  /** Year stated by the document (`year`, else `YYYY年` in the title), or null. */
  statedYear: number | null;
  /** Most common year encoded in valid 项目编码 (ties → the later year), or null. */
  codedYear: number | null;
  /** The budget year used by R-TIME-YEAR: stated, else coded. */
  budgetYear: number | null;
  /** 分项绩效目标 prose with whitespace removed and symbols canonical (R-DOC-PART1-CONSISTENCY). */
  subGoals: string;
}

const TITLE_YEAR = /((?:19|20)\d{2})\s*年/;

/** Derives the context of one validation run from the document and its prepared projects. */
export function createValidationContext(doc: BudgetText, views: readonly ProjectView[], settings: ValidationSettings): ValidationContext {
  const titleYear = TITLE_YEAR.exec(doc.title)?.[1];
  const statedYear = doc.year ?? (titleYear === undefined ? null : Number(titleYear));
  const counts = new Map<number, number>();
  for (const v of views) if (v.codeYear !== null) counts.set(v.codeYear, (counts.get(v.codeYear) ?? 0) + 1);
  let codedYear: number | null = null;
  let best = 0;
  for (const [year, n] of counts) {
    if (n > best || (n === best && codedYear !== null && year > codedYear)) {
      codedYear = year;
      best = n;
    }
  }
  return { settings, statedYear, codedYear, budgetYear: statedYear ?? codedYear, subGoals: canonicalizeSymbols(stripWhitespace(doc.overview.subGoals)).replace(/%?百分比/g, '%') };
}

/** Whether two contexts give project rules the same inputs (settings are fixed per validator). */
export function sameProjectInputs(a: ValidationContext, b: ValidationContext): boolean {
  return a.settings === b.settings && a.statedYear === b.statedYear && a.budgetYear === b.budgetYear && a.subGoals === b.subGoals;
}
