import { SaxesParser, type SaxesTagNS } from 'saxes';
import { fail, ok, type JixiaoError, type Result } from '../errors.ts';
import type { OfficeCell, OfficeRow } from '../import/index.ts';
import { damaged } from './office-errors.ts';

/** WordprocessingML main namespace. */
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

interface CellState { col: number; span: number; vMerge: 'restart' | 'continue' | null; hMergeContinue: boolean; text: string[] }
interface RowState { col: number; cells: OfficeCell[] }

const valOf = (tag: SaxesTagNS): string | null => {
  for (const attr of Object.values(tag.attributes)) if (attr.local === 'val' && attr.uri === W) return attr.value;
  return null;
};

/**
 * Reads `word/document.xml` into office rows in document order (one streaming pass, no DOM): each body
 * paragraph is a paragraph row; each row of a top-level table is a row whose cells start at `w:gridBefore`
 * and carry their `w:gridSpan` and `w:vMerge` (no `val` = continue), a legacy `w:hMerge` continue widening the
 * cell before. Paragraph text is `w:t` plus `w:tab` (TAB) and `w:br`/`w:cr` (line break); deleted text and
 * field codes are skipped, and so is the text a drawing repeats in `mc:Fallback`. Paragraphs of a cell (and
 * of tables nested in it) are lines of its text. A DOCTYPE is refused (no .docx has one; it is how
 * entity-expansion attacks start); a parse error is a "damaged file" error.
 */
export function readDocxRows(xml: Uint8Array): Result<OfficeRow[], JixiaoError> {
  const rows: OfficeRow[] = [];
  const parents: string[] = [];
  let tableDepth = 0;
  let fallback = 0;
  let row: RowState | null = null;
  let cell: CellState | null = null;
  let paragraph: string[] | null = null;
  let inText = false;
  let problem: string | null = null;
  const out = (): string[] | null => cell?.text ?? paragraph;

  const parser = new SaxesParser({ xmlns: true });
  parser.on('doctype', () => {
    problem ??= 'DOCTYPE';
  });
  parser.on('error', (error) => {
    problem ??= error.message;
  });
  parser.on('opentag', (tag) => {
    const parent = parents[parents.length - 1] ?? '';
    parents.push(tag.local);
    if (tag.uri === MC && tag.local === 'Fallback') fallback++;
    if (fallback > 0 || tag.uri !== W) return;
    switch (tag.local) {
      case 'tbl': tableDepth++; break;
      case 'tr': if (tableDepth === 1) row = { col: 0, cells: [] }; break;
      case 'gridBefore': if (tableDepth === 1 && row !== null && cell === null) row.col = Number(valOf(tag)) || 0; break;
      case 'tc': if (tableDepth === 1 && row !== null) cell = { col: row.col, span: 1, vMerge: null, hMergeContinue: false, text: [] }; break;
      case 'gridSpan': if (tableDepth === 1 && cell !== null) cell.span = Math.max(1, Number(valOf(tag)) || 1); break;
      case 'vMerge': if (tableDepth === 1 && cell !== null) cell.vMerge = valOf(tag) === 'restart' ? 'restart' : 'continue'; break;
      case 'hMerge': if (tableDepth === 1 && cell !== null) cell.hMergeContinue = valOf(tag) !== 'restart'; break;
      case 'p': {
        if (tableDepth === 0 && paragraph === null) paragraph = [];
        else if (cell !== null && cell.text.length > 0) cell.text.push('\n');
        break;
      }
      case 't': inText = parent === 'r'; break;
      case 'tab': if (parent === 'r') out()?.push('\t'); break;
      case 'br': case 'cr': if (parent === 'r') out()?.push('\n'); break;
    }
  });
  parser.on('text', (text) => {
    if (inText && fallback === 0) out()?.push(text);
  });
  parser.on('closetag', (tag) => {
    parents.pop();
    if (tag.uri === MC && tag.local === 'Fallback') fallback--;
    if (fallback > 0 || tag.uri !== W) return;
    switch (tag.local) {
      case 't': inText = false; break;
      case 'tbl': tableDepth--; break;
      case 'p': if (tableDepth === 0 && paragraph !== null && parents.every((p) => p !== 'p')) {
        rows.push({ line: rows.length + 1, paragraph: true, cells: [{ text: paragraph.join(''), col: 0, span: 1, continues: false }] });
        paragraph = null;
      } break;
      case 'tc': if (tableDepth === 1 && row !== null && cell !== null) {
        const last = row.cells[row.cells.length - 1];
        if (cell.hMergeContinue && last !== undefined) last.span += cell.span;
        else {
          const continues = cell.vMerge === 'continue';
          row.cells.push({ text: continues ? '' : cell.text.join(''), col: cell.col, span: cell.span, continues });
        }
        row.col = cell.col + cell.span;
        cell = null;
      } break;
      case 'tr': if (tableDepth === 1 && row !== null) {
        rows.push({ line: rows.length + 1, paragraph: false, cells: row.cells });
        row = null;
      } break;
    }
  });
  try {
    parser.write(new TextDecoder('utf-8').decode(xml)).close();
  } catch (error) {
    problem ??= error instanceof Error ? error.message : String(error);
  }
  if (problem !== null) return fail(damaged(`word/document.xml: ${problem}`));
  return ok(rows);
}
