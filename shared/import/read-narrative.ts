import type { BudgetText } from '../model/budget-text-schema.ts';
import type { ImportLayout, ImportReportEntry } from './import-report.ts';
import { joinPdfParagraphs, joinTextParagraphs } from './join-paragraphs.ts';
import { compact, normalizeCell } from './normalize-cell.ts';
import type { SourceLine } from './raw-project.ts';

type Overview = BudgetText['overview'];
type Section = keyof Overview;

const HEADINGS: ReadonlyMap<string, Section> = new Map([
  ['一、总体绩效目标', 'overallGoal'],
  ['二、分项绩效目标', 'subGoals'],
  ['三、工作保障措施', 'safeguards'],
]);

/**
 * Reads 第一部分 部门整体绩效目标 from the lines before the first table (`end` is an index into `lines`):
 * the bodies under 一、总体绩效目标, 二、分项绩效目标 and 三、工作保障措施 (exact heading lines, so TOC
 * entries with dots and page numbers do not count), each up to the next heading, 第二部分 or `end`,
 * as paragraphs separated by "\n" (office files: one per Word paragraph or spreadsheet row). A heading that occurs twice is reported; an identical second body is
 * dropped (seed 002 repeats 二、分项绩效目标), a different one is appended. Text before any heading is
 * reported when no heading exists at all.
 */
export function readNarrative(lines: readonly SourceLine[], end: number, layout: ImportLayout): { overview: Overview; guesses: ImportReportEntry[] } {
  const overview: Overview = { overallGoal: '', subGoals: '', safeguards: '' };
  const guesses: ImportReportEntry[] = [];
  const marks: { index: number; section: Section | null }[] = [];
  for (let i = 0; i < end; i++) {
    const key = compact((lines[i] as SourceLine).text).replace(/[:：]$/, '');
    const section = HEADINGS.get(key);
    if (section !== undefined) marks.push({ index: i, section });
    else if (key.startsWith('第二部分') && marks.length > 0) marks.push({ index: i, section: null });
  }
  const seenAt = new Map<Section, number>();
  marks.forEach((mark, k) => {
    if (mark.section === null) return;
    const body = lines.slice(mark.index + 1, marks[k + 1]?.index ?? end);
    const text = layout === 'pdf-lines' ? joinPdfParagraphs(body)
      : layout === 'docx' || layout === 'xlsx' ? joinOfficeParagraphs(body) : joinTextParagraphs(body);
    const line = (lines[mark.index] as SourceLine).line;
    const first = seenAt.get(mark.section);
    seenAt.set(mark.section, first ?? line);
    if (first === undefined) {
      overview[mark.section] = text;
    } else if (compact(text) === compact(overview[mark.section])) {
      guesses.push({
        field: `overview.${mark.section}`, line,
        zh: `标题“${compactHeading(mark.section)}”重复出现（第${first}行、第${line}行），第二次的内容与第一次相同，已只保留一份。`,
        en: `Heading “${compactHeading(mark.section)}” appears twice (lines ${first} and ${line}); the second body repeats the first and was kept once.`,
      });
    } else {
      overview[mark.section] = [overview[mark.section], text].filter((t) => t !== '').join('\n');
      guesses.push({
        field: `overview.${mark.section}`, line,
        zh: `标题“${compactHeading(mark.section)}”重复出现（第${first}行、第${line}行），两处内容已按顺序合并。`,
        en: `Heading “${compactHeading(mark.section)}” appears twice (lines ${first} and ${line}); both bodies were joined in order.`,
      });
    }
  });
  if (marks.length === 0 && end > 0 && lines.slice(0, end).some((l) => compact(l.text) !== '')) {
    guesses.push({
      field: 'overview', line: 1,
      zh: '未找到“一、总体绩效目标”等第一部分标题，表格前的文字未导入。',
      en: 'No part-one headings (一、总体绩效目标 …) were found; the text before the first table was not imported.',
    });
  }
  return { overview, guesses };
}

// A Word paragraph or a spreadsheet row is a real paragraph: nothing was cut by a page, so none is joined.
function joinOfficeParagraphs(lines: readonly SourceLine[]): string {
  return lines.map((l) => normalizeCell(l.text)).filter((t) => t !== '').join('\n');
}

function compactHeading(section: Section): string {
  for (const [heading, s] of HEADINGS) if (s === section) return heading;
  return section;
}
