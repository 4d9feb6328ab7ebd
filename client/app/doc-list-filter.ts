import type { DocSummary } from '../api/api-schemas.ts';

/** What the list page narrows the documents to; empty strings mean "any". */
export interface DocListFilter {
  query: string;
  year: string;
  department: string;
}

// Case and full-width/half-width forms are the same to a person searching (ＡＢＣ１ = abc1).
const fold = (s: string) => s.normalize('NFKC').toLowerCase();

/** The documents matching `filter`: the query within the title or department, the year and department exactly. */
export function filterDocs(docs: readonly DocSummary[], filter: DocListFilter): DocSummary[] {
  const words = fold(filter.query).split(/\s+/).filter(Boolean);
  return docs.filter((d) => {
    if (filter.year && String(d.year ?? '') !== filter.year) return false;
    if (filter.department && d.department.name !== filter.department) return false;
    const haystack = fold(`${d.title} ${d.department.name} ${d.department.region ?? ''}`);
    return words.every((w) => haystack.includes(w));
  });
}

/** The distinct years (newest first) and department names (in Chinese order) of `docs`, for the filter menus. */
export function filterChoices(docs: readonly DocSummary[]): { years: string[]; departments: string[] } {
  const years = [...new Set(docs.flatMap((d) => (d.year === null || d.year === undefined ? [] : [String(d.year)])))].sort().reverse();
  const departments = [...new Set(docs.map((d) => d.department.name).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  return { years, departments };
}
