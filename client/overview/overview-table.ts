import type { OverviewRow } from '../../shared/overview/overview-row.ts';
import { DOC_STATUSES, type DocStatus } from '../../shared/review/workflow.ts';

/** The columns the overview sorts by, in the order the table shows them. */
export const SORT_KEYS = ['department', 'title', 'year', 'status', 'errors', 'warnings', 'openThreads', 'updatedAt', 'submittedAt'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** How the table is sorted. */
export interface OverviewSort {
  key: SortKey;
  direction: 'ascending' | 'descending';
}

/** What the table is narrowed to; empty strings mean "any". */
export interface OverviewFilter {
  query: string;
  status: DocStatus | '';
  department: string;
  year: string;
}

// Case and full-width/half-width forms are the same to a person searching (ＡＢＣ１ = abc1).
const fold = (s: string) => s.normalize('NFKC').toLowerCase();
const collator = new Intl.Collator('zh-CN', { numeric: true });

/** The value a row is sorted by; null (no year, never submitted) sorts last either way. */
function sortValue(row: OverviewRow, key: SortKey): string | number | null {
  if (key === 'department') return row.department.name;
  if (key === 'status') return DOC_STATUSES.indexOf(row.status);
  return row[key];
}

/** `rows` narrowed by `filter` and ordered by `sort` (ties by department, then title). */
export function arrangeRows(rows: readonly OverviewRow[], filter: OverviewFilter, sort: OverviewSort): OverviewRow[] {
  const words = fold(filter.query).split(/\s+/).filter(Boolean);
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const compare = (a: string | number, b: string | number) => (typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b)));
  return rows
    .filter((r) => {
      if (filter.status && r.status !== filter.status) return false;
      if (filter.department && r.department.name !== filter.department) return false;
      if (filter.year && String(r.year ?? '') !== filter.year) return false;
      const haystack = fold(`${r.title} ${r.department.name} ${r.updatedBy?.name ?? ''}`);
      return words.every((w) => haystack.includes(w));
    })
    .sort((a, b) => {
      const x = sortValue(a, sort.key);
      const y = sortValue(b, sort.key);
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
      return sign * compare(x, y) || collator.compare(a.department.name, b.department.name) || collator.compare(a.title, b.title);
    });
}

/** How many rows have each status, in workflow order. */
export function countStatuses(rows: readonly OverviewRow[]): Array<{ status: DocStatus; count: number }> {
  return DOC_STATUSES.map((status) => ({ status, count: rows.filter((r) => r.status === status).length }));
}

/** The distinct departments (in Chinese order) and years (newest first) of `rows`, for the filter menus. */
export function overviewChoices(rows: readonly OverviewRow[]): { departments: string[]; years: string[] } {
  const departments = [...new Set(rows.map((r) => r.department.name).filter(Boolean))].sort(collator.compare);
  const years = [...new Set(rows.flatMap((r) => (r.year === null ? [] : [String(r.year)])))].sort().reverse();
  return { departments, years };
}

/** The direction a click on column `key` sorts in: flips the current column, else a sensible first direction. */
export function nextSort(current: OverviewSort, key: SortKey): OverviewSort {
  if (current.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  const newestFirst = key === 'updatedAt' || key === 'submittedAt' || key === 'errors' || key === 'warnings' || key === 'openThreads' || key === 'year';
  return { key, direction: newestFirst ? 'descending' : 'ascending' };
}
