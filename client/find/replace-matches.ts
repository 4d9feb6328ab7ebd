import type * as Y from 'yjs';
import { editText, setIndicatorCells, setProjectField, indicatorsOf, projectsMap, readString, type IndicatorCellWrite } from '../../shared/model/index.ts';
import type { UndoHistory } from '../undo/undo-history.ts';
import type { FindMatch, FindTarget } from './find-matches.ts';

/** Where replacements go: the document, as this tab, in its undo history. */
export interface ReplaceTarget {
  doc: Y.Doc;
  origin: unknown;
  history: UndoHistory | null;
  /** Whether the person may change the match's place; refused matches are skipped and counted. */
  mayEdit(match: FindMatch): boolean;
}

/** How a replacement went: occurrences replaced, and those skipped because the person may not edit them. */
export interface ReplaceResult {
  replaced: number;
  skipped: number;
}

function targetKey(t: FindTarget): string {
  if (t.kind === 'cell') return `c|${t.project}|${t.indicator}|${t.field}`;
  if (t.kind === 'header') return `h|${t.project}|${t.field}`;
  return 'section' in t.ref ? `t|${t.ref.section}` : `t|${t.ref.project}|${t.ref.field}`;
}

/** `text` with the ranges (ascending, not overlapping) replaced by `by`. */
function spliceAll(text: string, ranges: readonly FindMatch[], by: string): string {
  let out = '';
  let at = 0;
  for (const m of ranges) {
    out += text.slice(at, m.from) + by;
    at = m.to;
  }
  return out + text.slice(at);
}

/**
 * Replaces `matches` (from {@link findMatches}, still current) by `by` as ONE undo step: one
 * transaction with the tab's origin, closed off in the undo history. Cells and 项目编码/名称 are
 * written whole; narrative texts are edited at the matched characters only (from the end, so
 * earlier offsets hold), so a colleague typing elsewhere in the text keeps their characters.
 */
export function replaceMatches(target: ReplaceTarget, matches: readonly FindMatch[], by: string): ReplaceResult {
  const allowed = matches.filter((m) => target.mayEdit(m));
  const groups = new Map<string, FindMatch[]>();
  for (const m of allowed) groups.set(targetKey(m.target), [...(groups.get(targetKey(m.target)) ?? []), m]);
  const { doc, origin } = target;
  target.history?.stopCapturing();
  doc.transact(() => {
    const cells = new Map<string, IndicatorCellWrite[]>();
    for (const group of groups.values()) {
      const t = group[0]!.target;
      if (t.kind === 'text') {
        for (const m of [...group].reverse()) editText(doc, t.ref, m.from, m.to - m.from, by, origin);
        continue;
      }
      const project = projectsMap(doc).get(t.project);
      if (!project) continue;
      if (t.kind === 'header') {
        setProjectField(doc, t.project, t.field, spliceAll(readString(project, t.field), group, by), origin);
        continue;
      }
      const row = indicatorsOf(project).get(t.indicator);
      if (!row) continue;
      cells.set(t.project, [...(cells.get(t.project) ?? []), { indicator: t.indicator, field: t.field, value: spliceAll(readString(row, t.field), group, by) }]);
    }
    for (const [project, writes] of cells) setIndicatorCells(doc, project, writes, origin);
  }, origin);
  target.history?.stopCapturing();
  return { replaced: allowed.length, skipped: matches.length - allowed.length };
}
