import type { DiffSummary } from './summarize-diff.ts';

type Phrase = readonly [keyof DiffSummary, (n: number) => string, (n: number) => string];

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/*
 * In reading order of the summary line. Rows with changed cells are left out: the cell count
 * already says it, and "12 cells in 5 rows" is more than a glance needs.
 */
const PHRASES: readonly Phrase[] = [
  ['metaFieldsChanged', (n) => `${n} 项基本信息有变化`, (n) => `${plural(n, 'document field', 'document fields')} changed`],
  ['textSectionsChanged', (n) => `${n} 个文字部分有变化`, (n) => `${plural(n, 'text section', 'text sections')} changed`],
  ['projectsChanged', (n) => `${n} 个项目有变化`, (n) => `${plural(n, 'project', 'projects')} changed`],
  ['projectsAdded', (n) => `新增 ${n} 个项目`, (n) => `${plural(n, 'project', 'projects')} added`],
  ['projectsRemoved', (n) => `删除 ${n} 个项目`, (n) => `${plural(n, 'project', 'projects')} removed`],
  ['projectsMoved', (n) => `移动 ${n} 个项目`, (n) => `${plural(n, 'project', 'projects')} moved`],
  ['cellsChanged', (n) => `${n} 个单元格`, (n) => plural(n, 'cell', 'cells')],
  ['rowsAdded', (n) => `新增 ${n} 行`, (n) => `${plural(n, 'row', 'rows')} added`],
  ['rowsRemoved', (n) => `删除 ${n} 行`, (n) => `${plural(n, 'row', 'rows')} removed`],
  ['rowsMoved', (n) => `移动 ${n} 行`, (n) => `${plural(n, 'row', 'rows')} moved`],
];

/**
 * The one-line summary of a comparison, naming only counts above zero: "3 个项目有变化，12 个单元格，
 * 新增 2 行" / "3 projects changed, 12 cells, 2 rows added"; "无变化" / "No changes" when all are zero.
 */
export function formatDiffSummary(summary: DiffSummary, lang: 'zh-CN' | 'en'): string {
  const parts: string[] = [];
  for (const [key, zh, en] of PHRASES) {
    const n = summary[key];
    if (n > 0) parts.push(lang === 'zh-CN' ? zh(n) : en(n));
  }
  if (parts.length === 0) return lang === 'zh-CN' ? '无变化' : 'No changes';
  return parts.join(lang === 'zh-CN' ? '，' : ', ');
}
