import type { BudgetText } from '../model/budget-text-schema.ts';
import type { ImportReportEntry } from './import-report.ts';
import { normalizeCell } from './normalize-cell.ts';
import { readCover, regionOf } from './read-cover.ts';
import type { RawProject, SourceLine } from './raw-project.ts';

/** Title, year and department of an imported document, with the guesses made to find them. */
export interface DocumentMeta {
  title: string;
  year: number | null;
  department: BudgetText['department'];
  guesses: ImportReportEntry[];
}

/** The budget year a 第一部分 heading such as `2024年度总体绩效目标` states, with its line. */
function yearInHeadings(lines: readonly SourceLine[], end: number): { year: number; line: number } | null {
  for (let i = 0; i < end; i++) {
    const { text, line } = lines[i] as SourceLine;
    if (text.length > 120) continue;
    const match = /^((?:19|20)\d{2})年度/.exec(normalizeCell(text));
    if (match !== null) return { year: Number(match[1]), line };
  }
  return null;
}

/** The year most project codes encode (characters 7–8 of `130225 25 P…`), or null. */
function yearInCodes(codes: readonly string[]): number | null {
  const counts = new Map<number, number>();
  for (const code of codes) {
    const match = /^\d{6}(\d{2})P/.exec(code);
    if (match !== null) counts.set(2000 + Number(match[1]), (counts.get(2000 + Number(match[1])) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? null;
}

/**
 * Works out title, year and department. The department code is the 6-digit unit code above the tables;
 * its name is the cover's (else the table header's without `本级`); the region is the county the name
 * starts with. The year comes from the cover title, else a 第一部分 heading, else the project codes; a
 * missing cover title is composed as `<部门><年>年部门预算绩效文本`. Every fallback is reported.
 */
export function resolveDocumentMeta(lines: readonly SourceLine[], firstTable: number, raws: readonly RawProject[], codes: readonly string[]): DocumentMeta {
  const guesses: ImportReportEntry[] = [];
  const cover = readCover(lines, firstTable);
  const units = raws.flatMap((r) => (r.unit === null ? [] : [r.unit]));
  const unit = units[0];
  const other = units.find((u) => u.code !== unit?.code);
  if (other !== undefined) {
    guesses.push({ field: 'department.code', line: other.line, zh: '各表格的单位编码不一致，采用第一张表格的编码。', en: 'Tables give different unit codes; the first table’s code was used.', raw: other.code });
  }
  const headerName = unit === undefined ? null : normalizeCell(unit.name).replace(/本级$/, '') || null;
  const name = cover.name ?? headerName ?? '';
  if (cover.name !== null && headerName !== null && cover.name !== headerName) {
    guesses.push({
      field: 'department.name', line: unit?.line ?? cover.line,
      zh: `封面单位名称“${cover.name}”与表头单位名称“${headerName}”不一致，采用封面名称。`,
      en: `The cover names the department “${cover.name}” but the table header says “${headerName}”; the cover name was used.`,
      raw: unit?.name,
    });
  }
  const heading = cover.year === null ? yearInHeadings(lines, firstTable) : null;
  const coded = cover.year === null && heading === null ? yearInCodes(codes) : null;
  const year = cover.year ?? heading?.year ?? coded;
  if (heading !== null) {
    guesses.push({ field: 'year', line: heading.line, zh: `未找到封面标题，年度取自第一部分标题（${heading.year}年）。`, en: `No cover title; the year (${heading.year}) was taken from a part-one heading.` });
  } else if (cover.year === null) {
    guesses.push({
      field: 'year', line: raws[0]?.line ?? 1,
      zh: coded === null ? '未找到年度。' : `未找到文本年度，按多数项目编码推断为${coded}年。`,
      en: coded === null ? 'No budget year was found.' : `No stated budget year; ${coded} was inferred from most project codes.`,
    });
  }
  let title = cover.title ?? '';
  if (cover.title === null && name !== '' && year !== null) {
    title = `${name}${year}年部门预算绩效文本`;
    guesses.push({ field: 'title', line: 1, zh: `未找到封面标题，已按单位名称和年度拟定为“${title}”。`, en: `No cover title; “${title}” was composed from the department name and year.` });
  }
  const region = regionOf(cover.name) ?? regionOf(headerName);
  return { title, year, department: { code: unit?.code ?? '', name, region }, guesses };
}
