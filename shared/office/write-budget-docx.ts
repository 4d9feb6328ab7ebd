import { AlignmentType, Document, Packer, PageOrientation, Paragraph, TabStopType, TextRun, type Table } from 'docx';
import type { BudgetText } from '../model/budget-text-schema.ts';
import { projectTables } from './docx-project-tables.ts';
import { BODY_FONT, BODY_SIZE, PAGE, TABLE_FONT, TABLE_SIZE, TABLE_STYLES, TEXT_WIDTH, ZH_CN } from './docx-style.ts';
import { PART_ONE, PART_TWO, SECTION_HEADINGS, projectHeading, unitLine } from './office-labels.ts';

/** Version of the export layout, written into every file's custom properties (`jixiaoLayout`). */
export const OFFICE_LAYOUT_VERSION = '1';

type Block = Paragraph | Table;

function heading(text: string, options: { size: number; pageBreakBefore?: boolean; center?: boolean }): Paragraph {
  return new Paragraph({
    alignment: options.center === false ? AlignmentType.LEFT : AlignmentType.CENTER,
    keepNext: true,
    pageBreakBefore: options.pageBreakBefore === true,
    spacing: { before: 240, after: 240 },
    children: [new TextRun({ text, font: TABLE_FONT, size: options.size, bold: true, language: ZH_CN })],
  });
}

// 三号仿宋, first line indented two characters, 28-pt lines: the body of a government document.
function bodyParagraph(text: string): Paragraph {
  return new Paragraph({
    indent: { firstLine: 2 * BODY_SIZE * 10 },
    spacing: { line: 560, lineRule: 'exact' },
    alignment: AlignmentType.JUSTIFIED,
    children: [new TextRun({ text, font: BODY_FONT, size: BODY_SIZE, language: ZH_CN })],
  });
}

function partOne(doc: BudgetText): Block[] {
  const blocks: Block[] = [heading(PART_ONE, { size: BODY_SIZE })];
  for (const key of ['overallGoal', 'subGoals', 'safeguards'] as const) {
    blocks.push(heading(SECTION_HEADINGS[key], { size: BODY_SIZE, center: false }));
    for (const line of doc.overview[key].split('\n')) if (line !== '') blocks.push(bodyParagraph(line));
  }
  return blocks;
}

function partTwo(doc: BudgetText): Block[] {
  const blocks: Block[] = [heading(PART_TWO, { size: BODY_SIZE, pageBreakBefore: true })];
  doc.projects.forEach((project, i) => {
    blocks.push(heading(projectHeading(project, i + 1), { size: 28, pageBreakBefore: i > 0 }));
    blocks.push(new Paragraph({
      keepNext: true,
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
      children: [new TextRun({ text: `${unitLine(doc.department)}\t单位：万元`, font: TABLE_FONT, size: TABLE_SIZE, language: ZH_CN })],
    }));
    blocks.push(...projectTables(project));
  });
  return blocks;
}

/**
 * The document as a Word file in the layout of the published 绩效文本: title; 第一部分 部门整体绩效目标 with
 * its three sections; 第二部分 项目绩效目标 with, per project, its heading, the unit line with 单位：万元 and
 * one 绩效目标表 (docx-project-tables.ts). A4 portrait, 仿宋_GB2312/宋体 named as East-Asian fonts.
 * `importOfficeRows` reads the file back to the same canonical JSON (ids aside).
 */
export function budgetDocxDocument(doc: BudgetText): Document {
  return new Document({
    creator: 'jixiao',
    title: doc.title,
    customProperties: [{ name: 'jixiaoLayout', value: OFFICE_LAYOUT_VERSION }],
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY_SIZE, language: ZH_CN } } }, paragraphStyles: TABLE_STYLES },
    sections: [{
      properties: { page: { size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT }, margin: PAGE.margin } },
      children: [
        heading(doc.title, { size: 44 }),
        ...partOne(doc),
        ...partTwo(doc),
      ],
    }],
  });
}

/** The .docx bytes of `doc` (see {@link budgetDocxDocument}). */
export async function writeBudgetDocx(doc: BudgetText): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(budgetDocxDocument(doc)));
}
