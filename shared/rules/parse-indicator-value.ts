import { normalizeValueText } from './normalize-value-text.ts';
import { leadingUnit, unitKindOf, type UnitKind } from './unit-vocabulary.ts';

/** A comparator of a 定量 target; `≥ > =` are 正向 (higher is better), `≤ <` 反向. */
export type Comparator = '≥' | '≤' | '>' | '<' | '=';

/** Why a value that looks quantitative could not be read (R-VAL-FORMAT). */
export type MalformedReason =
  | 'split-number' // digits separated by whitespace: `9 5 %`
  | 'number-glued-to-date' // comparator + number run into a date: `≥1 2024年12月`
  | 'unknown-unit' // number followed by a non-unit word: `15保障人数`, `=1 有所提高`
  | 'trailing-text' // comparator + number + unit + more text: `≥95%以上`
  | 'comparator-without-number' // `≥ 良好`
  | 'invalid-date'; // `13月`, `32日`

/**
 * How a 指标值 was understood, after normalisation (CATALOGUE.md shows this comment as the grammar).
 * - `quantitative`: `op number unit`; `opExplicit` is false when `=` was assumed; `unit` is '' (kind `none`) when missing;
 *   `perUnit` is the denominator of a rate unit such as `元/人`, else null; `text` is the canonical spelling (`≥95%`).
 * - `date`: a deadline (`2025年12月31日前`, `≤12月底`); missing parts are null; `op` only when written.
 * - `qualitative`: free text; `typeWord` when it was prefixed by the Hebei type word `文字描述`.
 * - `empty`: blank, or only `文字描述`.
 * - `malformed`: looks quantitative but does not fit the grammar; `text` is the normalised input.
 */
export type ParsedValue =
  | { kind: 'quantitative'; op: Comparator; opExplicit: boolean; number: number; unit: string; unitKind: UnitKind; perUnit: string | null; text: string }
  | { kind: 'date'; op: Comparator | null; year: number | null; month: number | null; day: number | null; text: string }
  | { kind: 'qualitative'; text: string; typeWord: boolean }
  | { kind: 'empty' }
  | { kind: 'malformed'; reason: MalformedReason; text: string };

const TYPE_WORD = '文字描述';
const SPLIT_NUMBER = /\d[ \t\u3000\u00a0]+\.?\d/;
const DATE = /^(≥|≤|>|<|=)?(?:(\d{4})年)?(?:(\d{1,2})月)?(?:(\d{1,2})[日号])?(?:年底|月底|年末|月末|底|末)?(?:之前完成|前完成|完成|之前|前)?$/;
const QUANTITY = /^(≥|≤|>|<|=)?(\d+(?:\.\d+)?)(.*)$/s;
const DATE_INSIDE = /\d{4}年|\d{1,2}月/;
const LIST_NUMBER_AFTER = /^[.．、)）:：]/;
const CJK_START = /^[\u3400-\u9fff]/;
const LEADING_OP = /^(≥|≤|>|<|=)/;

/** Parses one 指标值 cell as written by a user or an importer. Never throws. */
export function parseIndicatorValue(raw: string): ParsedValue {
  const text = normalizeValueText(raw);
  if (text === '') return { kind: 'empty' };
  if (text.startsWith(TYPE_WORD)) {
    const rest = text.slice(TYPE_WORD.length).trim();
    return rest === '' ? { kind: 'empty' } : { kind: 'qualitative', text: rest, typeWord: true };
  }
  if (SPLIT_NUMBER.test(raw)) return { kind: 'malformed', reason: 'split-number', text };
  // Wrapped cells (`= 150 万\n元`) are read as one line; genuinely multi-line text stays qualitative.
  const joined = text.replace(/\n+/g, '');
  const date = parseDate(joined);
  if (date) return date;
  const q = QUANTITY.exec(joined);
  if (!q) {
    if (LEADING_OP.test(joined)) return { kind: 'malformed', reason: 'comparator-without-number', text };
    return { kind: 'qualitative', text, typeWord: false };
  }
  const op = (q[1] ?? '') as Comparator | '';
  const numberText = q[2] ?? '';
  const rest = q[3] ?? '';
  const unit = readUnit(rest);
  if (unit) {
    const number = Number(numberText);
    return {
      kind: 'quantitative',
      op: op === '' ? '=' : op,
      opExplicit: op !== '',
      number,
      unit: unit.unit,
      unitKind: unit.kind,
      perUnit: unit.perUnit,
      text: `${op}${numberText}${unit.unit}`,
    };
  }
  if (op !== '') {
    if (DATE_INSIDE.test(numberText + rest)) return { kind: 'malformed', reason: 'number-glued-to-date', text };
    return { kind: 'malformed', reason: leadingUnit(rest) ? 'trailing-text' : 'unknown-unit', text };
  }
  // Without a comparator a leading number may begin ordinary prose (`3个乡镇全覆盖`, `1.提升…`, `7×24小时`).
  if (LIST_NUMBER_AFTER.test(rest) || leadingUnit(rest) || !CJK_START.test(rest)) return { kind: 'qualitative', text, typeWord: false };
  return { kind: 'malformed', reason: 'unknown-unit', text };
}

function parseDate(text: string): ParsedValue | null {
  const m = DATE.exec(text);
  if (!m || !(text.includes('年') || text.includes('月'))) return null;
  const year = m[2] === undefined ? null : Number(m[2]);
  const month = m[3] === undefined ? null : Number(m[3]);
  const day = m[4] === undefined ? null : Number(m[4]);
  if (year === null && month === null) return null;
  if ((month !== null && (month < 1 || month > 12)) || (day !== null && (day < 1 || day > 31))) {
    return { kind: 'malformed', reason: 'invalid-date', text };
  }
  return { kind: 'date', op: (m[1] as Comparator | undefined) ?? null, year, month, day, text };
}

/** The whole of `rest` as a unit (`万元`, `元/人`, `mg/L`), or null when anything else is left over. */
function readUnit(rest: string): { unit: string; kind: UnitKind; perUnit: string | null } | null {
  if (rest === '') return { unit: '', kind: 'none', perUnit: null };
  const base = leadingUnit(rest);
  if (!base) return null;
  const kind = unitKindOf(base) ?? 'none';
  if (rest === base) return { unit: base, kind, perUnit: null };
  const after = rest.slice(base.length);
  if (after.startsWith('/') || after.startsWith('每')) {
    const per = after.slice(1);
    if (per !== '' && unitKindOf(per) !== undefined) return { unit: `${base}/${per}`, kind, perUnit: per };
  }
  return null;
}
