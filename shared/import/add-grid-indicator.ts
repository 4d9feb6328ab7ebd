import { isIndicatorHeader } from './indicator-terms.ts';
import { joinWrapped } from './normalize-cell.ts';
import { blankCell, noteUnplaced, type GridRow, type RawCell, type RawIndicator, type RawProject } from './raw-project.ts';

const COLUMNS = 6;

function sixCells(row: GridRow): RawIndicator['cells'] {
  const at = (i: number): RawCell => row.cells[i] ?? blankCell(row.line);
  return [at(0), at(1), at(2), at(3), at(4), at(5)];
}

/**
 * Reads one grid row below the indicator header into `project.indicators`:
 * - a repeated header (a page break restarted the table) is skipped;
 * - a row whose 一级/二级/三级 cells are empty but which has other text continues the row above across a
 *   page break (seed 003 line 186): its cells are joined onto that row's cells, and noted;
 * - an all-empty row is skipped and noted, a single-cell line is noted as text outside the table;
 * - cells beyond the sixth column are appended to 指标值确定依据 and noted, so nothing is lost.
 * `labels` are the row's cells in label form (see grid-labels.ts), used to test for emptiness; `after` is
 * the line of the row before, so runs of junk rows become one note.
 */
export function addGridIndicator(project: RawProject, row: GridRow, labels: readonly string[], after: number): void {
  const raw = row.cells.map((c) => c.text.trim()).join(' | ');
  if (isIndicatorHeader(labels.join(''))) return;
  const filled = labels.filter((l) => l !== '').length;
  if (filled === 0) {
    if (row.cells.length > 1) noteUnplaced(project, { line: row.line, after }, '空白的指标行已跳过。', 'An empty indicator row was skipped.');
    return;
  }
  if (row.cells.length === 1) {
    noteUnplaced(project, { line: row.line, after }, '表格中的单独文字行无法对应到任何单元格，未导入。', 'A stray text line inside the table matches no cell and was not imported.', raw);
    return;
  }
  const cells = sixCells(row);
  const previous = project.indicators[project.indicators.length - 1];
  if (previous !== undefined && labels.slice(0, 3).every((l) => l === '')) {
    cells.forEach((cell, i) => {
      const target = previous.cells[i] as RawCell;
      if (cell.text.trim() !== '') target.text = joinWrapped([target.text, cell.text]);
    });
    project.notes.push({
      indicator: project.indicators.length - 1, line: row.line,
      zh: '该行一级、二级、三级指标为空，判断为跨页续行，已并入上一行。',
      en: 'This row has no 一级/二级/三级 cells; it was taken as the previous row continued across a page break and joined to it.',
      raw,
    });
    return;
  }
  const extra = row.cells.slice(COLUMNS).filter((c) => c.text.trim() !== '');
  if (extra.length > 0) {
    cells[5] = { text: joinWrapped([cells[5].text, ...extra.map((c) => c.text)]), line: cells[5].line };
    project.notes.push({
      indicator: project.indicators.length, field: 'basis', line: row.line,
      zh: '该行多出的单元格已追加到“指标值确定依据”。', en: 'Cells beyond the sixth column were appended to 指标值确定依据.', raw,
    });
  }
  project.indicators.push({ line: row.line, cells });
}
