import type { BudgetText } from '../../../shared/model/budget-text-schema.ts';
import { SEEDS, importSeed } from '../import/seed-fixtures.ts';

/** The document with every project and indicator id blanked: what must survive an export and re-import. */
export function withoutIds(doc: BudgetText): BudgetText {
  return { ...doc, projects: doc.projects.map((p) => ({ ...p, id: '', indicators: p.indicators.map((i) => ({ ...i, id: '' })) })) };
}

/** Every demo seed imported from its text, by file name. */
export function importedSeeds(): { file: string; doc: BudgetText }[] {
  return Object.values(SEEDS).map((file) => ({ file, doc: importSeed(file).doc }));
}

/** Cell-by-cell rows of a document (project index, row index, the six columns), for failures that name the cell. */
export function cellsOf(doc: BudgetText): string[] {
  return doc.projects.flatMap((p, pi) => p.indicators.map((r, ri) => `${pi + 1}.${ri + 1} ${[r.level1, r.level2, r.name, r.description, r.value, r.basis].join(' | ')}`));
}
