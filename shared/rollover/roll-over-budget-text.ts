import { JixiaoError } from '../errors.ts';
import { newId } from '../ids.ts';
import type { BudgetText } from '../model/budget-text-schema.ts';

/** Where a row of next year's draft came from: the project and row ids in the previous document. */
export interface RowLineage {
  project: string;
  indicator: string;
}

/** Next year's draft of a document and how its ids map back to the document it came from. */
export interface Rollover {
  /** The draft: new ids, `year` + 1, the year in the title moved on, everything else kept. */
  text: BudgetText;
  /** New project id → previous project id. */
  projects: Record<string, string>;
  /** New row id → previous project and row id. */
  rows: Record<string, RowLineage>;
}

/** The highest year the canonical JSON accepts (BudgetTextSchema). */
const LAST_YEAR = 2100;

/**
 * Next year's draft of `text`: every project and row gets a new id, `year` becomes `year + 1`
 * and each 4-digit number in the title equal to the old year (2024年, 2024 年度) becomes the new
 * one; 项目编码 stay as they are (a code carries the year its project was created, and
 * matching across years relies on it); narrative, amounts and rows are kept. A document without
 * a year, or in the last year the schema accepts, throws INVALID_REQUEST.
 */
export function rollOverBudgetText(text: BudgetText, makeId: () => string = newId): Rollover {
  const year = text.year;
  if (year === null) throw new JixiaoError({ code: 'INVALID_REQUEST', zh: '该文本没有填写年度，无法新建下一年度文本', en: 'The document has no year, so there is no next year to draft' });
  if (year >= LAST_YEAR) throw new JixiaoError({ code: 'INVALID_REQUEST', zh: `年度 ${year} 之后不能再新建下一年度文本`, en: `No next year's draft can follow ${year}` });
  const projects: Record<string, string> = {};
  const rows: Record<string, RowLineage> = {};
  const draft: BudgetText = {
    ...text,
    year: year + 1,
    title: nextYearTitle(text.title, year),
    department: { ...text.department },
    overview: { ...text.overview },
    projects: text.projects.map((p) => {
      const id = makeId();
      projects[id] = p.id;
      return {
        ...p,
        id,
        budget: { ...p.budget },
        spendingPlan: { ...p.spendingPlan },
        indicators: p.indicators.map((r) => {
          const rowId = makeId();
          rows[rowId] = { project: p.id, indicator: r.id };
          return { ...r, id: rowId };
        }),
      };
    }),
  };
  return { text: draft, projects, rows };
}

/** `title` with each 4-digit number equal to `year` (not part of a longer number) replaced by `year + 1`. */
function nextYearTitle(title: string, year: number): string {
  return title.replace(new RegExp(`(?<!\\d)${year}(?!\\d)`, 'g'), String(year + 1));
}
