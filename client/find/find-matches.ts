import type * as Y from 'yjs';
import {
  INDICATOR_FIELDS,
  OVERVIEW_SECTIONS,
  indicatorsOf,
  overviewText,
  projectText,
  projectsMap,
  readString,
  sortedEntries,
  type IndicatorField,
  type ProjectScalarField,
  type TextRef,
} from '../../shared/model/index.ts';
import type { FindingPlace } from '../../shared/rules/index.ts';

/** How text is compared. */
export interface FindOptions {
  /** The whole cell (field, section) must equal the query. */
  wholeCell: boolean;
  /** Case and full-/half-width forms (Ａ＝A＝a, 全角空格＝space) count as the same. */
  loose: boolean;
}

/** What a match is in: a grid cell, a header text field (项目编码/名称) or a narrative text. */
export type FindTarget =
  | { kind: 'cell'; project: string; indicator: string; field: IndicatorField }
  | { kind: 'header'; project: string; field: ProjectScalarField }
  | { kind: 'text'; ref: TextRef };

/** One occurrence of the query: where, and its characters `[from, to)` in that text. */
export interface FindMatch {
  target: FindTarget;
  /** The place as findings name it, so the document can reveal it. */
  place: FindingPlace;
  from: number;
  to: number;
}

/** One searchable text of the document, in reading order. */
interface Searchable {
  target: FindTarget;
  place: FindingPlace;
  text: string;
}

/**
 * Folds a text for a loose comparison, one character for one (offsets stay valid): full-width
 * ASCII forms (U+FF01–U+FF5E) and the ideographic space become their half-width forms, then
 * letters are lower-cased.
 */
function foldText(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    const half = code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : code === 0x3000 ? ' ' : ch;
    const lower = half.toLowerCase();
    out += lower.length === half.length ? lower : half;
  }
  return out;
}

/**
 * Every searchable text of the whole document model — not the page, which renders projects
 * lazily: the sections of 第一部分, then per project 项目编码, 项目名称, 资金用途, 绩效目标 and
 * its indicator cells row by row.
 */
function searchables(doc: Y.Doc): Searchable[] {
  const out: Searchable[] = OVERVIEW_SECTIONS.map((section) => ({ target: { kind: 'text', ref: { section } }, place: { field: `overview.${section}` }, text: overviewText(doc, section).toString() }));
  for (const p of sortedEntries(projectsMap(doc))) {
    for (const field of ['code', 'name'] as const) out.push({ target: { kind: 'header', project: p.id, field }, place: { project: p.id, field }, text: readString(p.map, field) });
    for (const field of ['purpose', 'goal'] as const) {
      out.push({ target: { kind: 'text', ref: { project: p.id, field } }, place: { project: p.id, field }, text: projectText(p.map, field).toString() });
    }
    for (const row of sortedEntries(indicatorsOf(p.map))) {
      for (const field of INDICATOR_FIELDS) {
        out.push({ target: { kind: 'cell', project: p.id, indicator: row.id, field }, place: { project: p.id, indicator: row.id, field }, text: readString(row.map, field) });
      }
    }
  }
  return out;
}

/** Every occurrence of `query` in the document, in reading order; none for an empty query. */
export function findMatches(doc: Y.Doc, query: string, options: FindOptions): FindMatch[] {
  if (query === '') return [];
  const fold = options.loose ? foldText : (s: string) => s;
  const needle = fold(query);
  const out: FindMatch[] = [];
  for (const s of searchables(doc)) {
    const hay = fold(s.text);
    if (options.wholeCell) {
      if (hay === needle) out.push({ target: s.target, place: s.place, from: 0, to: s.text.length });
      continue;
    }
    for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length)) out.push({ target: s.target, place: s.place, from: at, to: at + needle.length });
  }
  return out;
}
