import { normalizeCell } from './normalize-cell.ts';
import type { SourceLine } from './raw-project.ts';

/** The cover title as printed, the department name and year it states, and its line; null fields when absent. */
export interface Cover {
  title: string | null;
  name: string | null;
  year: number | null;
  line: number;
}

const TITLE_SUFFIX = /((?:19|20)\d{2})年度?部门预算绩效文本$/;
// How far into the text a cover can be: title, draft mark, 编制/审核 lines and blank padding.
const COVER_LINES = 80;

/**
 * Finds the cover title `<部门>YYYY年部门预算绩效文本` among the first lines before the first table.
 * Word export often puts the department and `2024 年部门预算绩效文本` on two lines; they are joined.
 * Spaces are normalised away, so `乐亭县机关事务中心 2025 年…` reads `乐亭县机关事务中心2025年…`.
 */
export function readCover(lines: readonly SourceLine[], end: number): Cover {
  const none: Cover = { title: null, name: null, year: null, line: 1 };
  const limit = Math.min(end, COVER_LINES, lines.length);
  let previous = '';
  for (let i = 0; i < limit; i++) {
    const { text, line } = lines[i] as SourceLine;
    if (text.length > 300) continue;
    const current = normalizeCell(text);
    if (current === '') continue;
    if (current.endsWith('部门预算绩效文本')) {
      const title = /^(?:19|20)\d{2}年/.test(current) ? previous + current : current;
      const match = TITLE_SUFFIX.exec(title);
      const name = match === null ? title.replace(/部门预算绩效文本$/, '') : title.slice(0, match.index);
      return { title, name: name === '' ? null : name, year: match === null ? null : Number(match[1]), line };
    }
    previous = current;
  }
  return none;
}

/**
 * The county-level region (`乐亭县`, `遵化市`) a department name starts with, or null. A province prefix
 * (`河北`, `河北省`) and a prefecture (`唐山市乐亭县…`) are skipped; a 县 wins over a 市 in the same name.
 */
export function regionOf(name: string | null): string | null {
  if (name === null) return null;
  const rest = name.replace(/^河北省?/, '').slice(0, 20);
  const county = /([\u4e00-\u9fff]{2,3}?县)/.exec(rest.replace(/^[\u4e00-\u9fff]{2}市(?=[\u4e00-\u9fff]{2,3}县)/, ''));
  if (county !== null) return county[1] as string;
  const city = /^([\u4e00-\u9fff]{2,3}?市)/.exec(rest);
  return city === null ? null : (city[1] as string);
}
