import { compact } from './normalize-cell.ts';
import type { TextLayout } from './import-report.ts';
import type { SourceLine } from './raw-project.ts';

const TABLE_LABELS = new Set(['项目编码', '一级指标']);

/** Which layout one line votes for, judged by how the 项目编码 / 一级指标 labels sit on it. */
function voteOf(text: string): TextLayout | null {
  if (text.length > 4000) return null;
  if (/^\s*\|.*\|\s*$/.test(text)) {
    const cells = text.split('|').map(compact).filter((c) => c !== '');
    return cells[0] !== undefined && TABLE_LABELS.has(cells[0]) ? 'markdown' : null;
  }
  if (text.startsWith('\t')) {
    return TABLE_LABELS.has(compact(text)) ? 'cell-lines' : null;
  }
  if (text.includes('\t')) {
    const cells = text.split('\t').map(compact).filter((c) => c !== '');
    return cells.length >= 3 && cells[0] !== undefined && TABLE_LABELS.has(cells[0]) ? 'tsv' : null;
  }
  const trimmed = text.trim();
  if (trimmed === '项目编码' || /^项目编码 /.test(trimmed) || /^一级指标 {1,8}二级指标/.test(trimmed)) return 'pdf-lines';
  return null;
}

/**
 * Detects how text extraction laid out the tables: `markdown` pipe rows, `tsv` (one TAB-separated row
 * per line), `cell-lines` (one TAB-prefixed cell per line, blank lines between rows) or `pdf-lines`
 * (labels and values as PDF line soup). Each line carrying a 项目编码 or 一级指标 label votes;
 * the layout with most votes wins. Returns null when no line votes: the text has no recognisable table.
 */
export function detectLayout(lines: readonly SourceLine[]): TextLayout | null {
  const votes = new Map<TextLayout, number>();
  for (const { text } of lines) {
    const vote = voteOf(text);
    if (vote !== null) votes.set(vote, (votes.get(vote) ?? 0) + 1);
  }
  let best: TextLayout | null = null;
  for (const [layout, count] of votes) {
    if (best === null || count > (votes.get(best) ?? 0)) best = layout;
  }
  return best;
}
