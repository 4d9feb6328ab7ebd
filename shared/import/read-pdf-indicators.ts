import { startsLikeValue } from './indicator-terms.ts';
import { joinWrapped } from './normalize-cell.ts';
import { isLevel1, matchLevel2, startsRow, toPdfEntries, type Level2Match, type PdfEntry } from './pdf-entries.ts';
import { blankCell, noteUnplaced, type RawCell, type RawProject, type SourceLine } from './raw-project.ts';

type Block = PdfEntry[];

function cellOf(entries: readonly PdfEntry[], fallbackLine: number): RawCell {
  return { text: joinWrapped(entries.map((e) => e.text)), line: entries[0]?.line ?? fallbackLine };
}

/** The row's remaining lines up to the next row start, split into blocks; block 0 is the rest of the 二级指标 block (maybe empty). */
function tailBlocks(entries: readonly PdfEntry[], from: number): { blocks: Block[]; next: number } {
  const blocks: Block[] = [[]];
  let k = from;
  for (; k < entries.length && !startsRow(entries, k); k++) {
    const entry = entries[k] as PdfEntry;
    if (entry.blockStart) blocks.push([]);
    (blocks[blocks.length - 1] as Block).push(entry);
  }
  return { blocks, next: k };
}

/**
 * Reads the indicator rows of a PDF-lines table (seed 000). A row starts at a 二级指标 (possibly wrapped);
 * a 一级指标 alone on a line sets the merged first column. After the 二级指标 come, as the PDF wraps them:
 * 三级指标 inline (`完成时效 完成时效 = 12 月`) or as the next block; the description line, split from its
 * value at the first space before a comparator/digit/文字描述, or followed by value lines; and the remaining
 * lines up to the next row as 指标值确定依据. Values found without a comparator are noted as guesses.
 */
export function readPdfIndicators(project: RawProject, lines: readonly SourceLine[]): void {
  const entries = toPdfEntries(lines);
  let level1: RawCell | null = null;
  let i = 0;
  while (i < entries.length) {
    const entry = entries[i] as PdfEntry;
    const level2 = isLevel1(entry) ? null : matchLevel2(entries, i);
    if (isLevel1(entry)) {
      level1 = { text: entry.text, line: entry.line };
      i++;
    } else if (level2 === null) {
      noteUnplaced(project, { line: entry.line, after: entries[i - 1]?.line ?? -1 }, '指标表中的文字无法对应到任何指标行，未导入。', 'Text in the indicator table matches no indicator row and was not imported.', entry.text);
      i++;
    } else {
      const { blocks, next } = tailBlocks(entries, level2.next);
      project.indicators.push(readRow(project, level2, blocks, level1 ?? blankCell(level2.line)));
      level1 = null;
      i = next;
    }
  }
}

function readRow(project: RawProject, level2: Level2Match, blocks: Block[], level1: RawCell): RawProject['indicators'][number] {
  const index = project.indicators.length;
  const line = level2.line;
  const note = (zh: string, en: string, raw: string): void => {
    project.notes.push({ indicator: index, field: 'value', line, zh, en, raw });
  };
  const takeBlock = (): Block => {
    while (blocks.length > 0 && (blocks[0] as Block).length === 0) blocks.shift();
    return blocks.shift() ?? [];
  };
  const tokens = level2.rest === '' ? [] : level2.rest.split(/\s+/);
  let name: RawCell = { text: tokens[0] ?? '', line };
  let desc: RawCell | null = tokens[1] !== undefined && !startsLikeValue(tokens[1]) ? { text: tokens[1], line } : null;
  const inlineValue = tokens.slice(desc === null ? 1 : 2);
  let value: RawCell | null = inlineValue.length > 0 ? { text: inlineValue.join(' '), line } : null;
  if (value !== null && desc === null) {
    note('三级指标后直接是指标值，绩效指标描述留空。', 'The value follows the 三级指标 directly; 绩效指标描述 was left blank.', level2.rest);
  } else if (value !== null && !startsLikeValue(inlineValue[0] ?? '')) {
    note('指标值前没有比较符或数字，按位置判断为指标值。', 'No comparator or number marks the value; it was taken by its position after the description.', level2.rest);
  }
  if (tokens.length === 0) name = cellOf(takeBlock(), line);
  if (desc === null && value === null) {
    const block = takeBlock();
    const first = block[0];
    const split = first === undefined ? -1 : first.text.search(/\s(?=[=＝≥≤>＞<＜\d]|文字描述)/);
    if (first !== undefined && split > 0) {
      desc = { text: first.text.slice(0, split), line: first.line };
      value = { text: first.text.slice(split + 1), line: first.line };
      blocks.unshift(block.slice(1));
    } else {
      const valueAt = block.findIndex((e, k) => k > 0 && startsLikeValue(e.text));
      desc = cellOf(valueAt < 0 ? block : block.slice(0, valueAt), line);
      if (valueAt > 0) value = cellOf(block.slice(valueAt), line);
    }
  }
  if (value === null) {
    const candidate = blocks.find((b) => b.length > 0);
    if (candidate !== undefined && startsLikeValue((candidate[0] as PdfEntry).text)) value = cellOf(takeBlock(), line);
  }
  const basis = cellOf(blocks.flat(), line);
  return { line, cells: [level1, { text: level2.term, line }, name, desc ?? blankCell(line), value ?? blankCell(line), basis] };
}
