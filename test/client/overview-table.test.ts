import { describe, expect, it } from 'vitest';
import { arrangeRows, countStatuses, nextSort, overviewChoices, type OverviewFilter } from '../../client/overview/overview-table.ts';
import type { OverviewRow } from '../../shared/overview/overview-row.ts';

const row = (id: string, patch: Partial<OverviewRow>): OverviewRow => ({
  id,
  title: `${id}年部门预算绩效文本`,
  year: 2025,
  department: { code: id, name: '乐亭县财政局', region: '乐亭县' },
  status: 'draft',
  errors: 0,
  warnings: 0,
  openThreads: 0,
  updatedAt: '2025-11-01T08:00:00.000Z',
  updatedBy: { sub: 'alice', name: '张三' },
  submittedAt: null,
  submittedVersion: null,
  ...patch,
});
const ALL: OverviewFilter = { query: '', status: '', department: '', year: '' };

describe('overview table: sort, filter, counts', () => {
  const rows = [
    row('a', { department: { code: 'a', name: '乐亭县人民政府办公室', region: null }, status: 'submitted', submittedAt: '2025-11-02T08:00:00.000Z', errors: 2 }),
    row('b', { department: { code: 'b', name: '乐亭县机关事务中心', region: null }, status: 'returned', submittedAt: '2025-11-03T08:00:00.000Z', year: null }),
    row('c', { department: { code: 'c', name: '大相各庄镇政府', region: null }, errors: 5, updatedBy: { sub: 'frank', name: '孙八' } }),
  ];

  it('sorts in Chinese order, status in workflow order, and puts missing values last either way', () => {
    expect(arrangeRows(rows, ALL, { key: 'department', direction: 'ascending' }).map((r) => r.id)).toEqual(['c', 'b', 'a']);
    expect(arrangeRows(rows, ALL, { key: 'status', direction: 'ascending' }).map((r) => r.id)).toEqual(['c', 'a', 'b']);
    expect(arrangeRows(rows, ALL, { key: 'submittedAt', direction: 'descending' }).map((r) => r.id)).toEqual(['b', 'a', 'c']);
    expect(arrangeRows(rows, ALL, { key: 'submittedAt', direction: 'ascending' }).map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(arrangeRows(rows, ALL, { key: 'year', direction: 'ascending' }).at(-1)?.id).toBe('b');
    expect(arrangeRows(rows, ALL, { key: 'errors', direction: 'descending' }).map((r) => r.id)).toEqual(['c', 'a', 'b']);
  });

  it('filters by status, department, year and words of the title, department or last editor (full-width too)', () => {
    const ids = (f: Partial<OverviewFilter>) => arrangeRows(rows, { ...ALL, ...f }, { key: 'department', direction: 'ascending' }).map((r) => r.id);
    expect(ids({ status: 'returned' })).toEqual(['b']);
    expect(ids({ department: '大相各庄镇政府' })).toEqual(['c']);
    expect(ids({ year: '2025' })).toEqual(['c', 'a']);
    expect(ids({ query: '孙八' })).toEqual(['c']);
    expect(ids({ query: 'Ａ年' })).toEqual(['a']);
    expect(ids({ query: '没有' })).toEqual([]);
  });

  it('counts every status and offers the departments and years present', () => {
    expect(countStatuses(rows)).toEqual([
      { status: 'draft', count: 1 },
      { status: 'submitted', count: 1 },
      { status: 'returned', count: 1 },
      { status: 'approved', count: 0 },
    ]);
    expect(overviewChoices(rows)).toEqual({ departments: ['大相各庄镇政府', '乐亭县机关事务中心', '乐亭县人民政府办公室'], years: ['2025'] });
    expect(nextSort({ key: 'title', direction: 'ascending' }, 'title')).toEqual({ key: 'title', direction: 'descending' });
    expect(nextSort({ key: 'title', direction: 'ascending' }, 'errors')).toEqual({ key: 'errors', direction: 'descending' });
  });
});
