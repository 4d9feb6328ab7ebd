/**
 * The source layouts the importer recognises: text extraction from Word and PDF (`pdf-lines`, `tsv`,
 * `cell-lines`, `markdown`) and the office files themselves (`docx`, `xlsx`).
 */
export type ImportLayout = TextLayout | 'docx' | 'xlsx';

/** The layouts of text extracted from Word and PDF. */
export type TextLayout = 'pdf-lines' | 'tsv' | 'cell-lines' | 'markdown';

/**
 * One cell or passage the importer had to guess at (or could not place), so a user can check it.
 * `project`/`indicator` are ids in the imported document; `field` names the JSON field
 * (`value`, `spendingPlan.dec`, `overview.subGoals`, …); `line` is the 1-based source line;
 * `raw` is the source text the guess was made from.
 */
export interface ImportReportEntry {
  project?: string;
  indicator?: string;
  field?: string;
  line: number;
  zh: string;
  en: string;
  raw?: string;
}

/** What an import did: the layout it detected, how many tables and indicator rows it read, and its guesses in source order. */
export interface ImportReport {
  layout: ImportLayout;
  projects: number;
  indicators: number;
  guesses: ImportReportEntry[];
}

/** Options of `importBudgetText`. `newId` defaults to `newId` from shared/ids.ts; tests pass a counter for determinism. */
export interface ImportOptions {
  newId?: () => string;
}

/** Sorts guesses by source line, keeping the order of entries on the same line. */
export function sortGuesses(guesses: readonly ImportReportEntry[]): ImportReportEntry[] {
  return guesses
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => a.entry.line - b.entry.line || a.index - b.index)
    .map(({ entry }) => entry);
}
