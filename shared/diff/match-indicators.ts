import type { Indicator } from '../model/budget-text-schema.ts';
import type { DiffMatching } from './budget-diff.ts';
import { emptyMatches, matchByKey, normalizeKey, type Matches } from './match-by-key.ts';

/* Cells that identify a row's content beyond its 三级指标; see `resemble`. */
const CONTENT_FIELDS = ['description', 'value', 'basis'] as const;

/**
 * Pairs the indicator rows of one project in two versions. `id`: by id only. `code`: by
 * (二级指标, 三级指标) normalised; rows left over then pair by 三级指标 alone (a corrected
 * 二级指标), and last, within each 二级指标, in order when they still share a 绩效指标描述,
 * 指标值 or 依据 — so a renamed 三级指标 shows as one changed row, while a row replaced by an
 * unrelated one shows as removed + added.
 */
export function matchIndicators(from: readonly Indicator[], to: readonly Indicator[], matching: DiffMatching): Matches {
  const matches = emptyMatches(from.length, to.length);
  if (matching === 'id') {
    matchByKey(
      from.map((r) => r.id),
      to.map((r) => r.id),
      matches,
    );
    return matches;
  }
  const rowKey = (r: Indicator) => {
    const name = normalizeKey(r.name);
    return name === null ? null : `${normalizeKey(r.level2) ?? ''}\u0000${name}`;
  };
  matchByKey(from.map(rowKey), to.map(rowKey), matches);
  matchByKey(
    from.map((r) => normalizeKey(r.name)),
    to.map((r) => normalizeKey(r.name)),
    matches,
  );
  pairLeftoversByGroup(from, to, matches);
  return matches;
}

function pairLeftoversByGroup(from: readonly Indicator[], to: readonly Indicator[], matches: Matches): void {
  const waiting = new Map<string, number[]>();
  from.forEach((r, f) => {
    if (matches.fromTaken[f]) return;
    const group = normalizeKey(r.level2) ?? '';
    const list = waiting.get(group);
    if (list) list.push(f);
    else waiting.set(group, [f]);
  });
  to.forEach((r, t) => {
    if (matches.toFrom[t] !== undefined) return;
    const list = waiting.get(normalizeKey(r.level2) ?? '');
    const at = list?.findIndex((f) => resemble(from[f], r)) ?? -1;
    const f = list?.[at];
    if (!list || f === undefined) return;
    list.splice(at, 1);
    matches.toFrom[t] = f;
    matches.fromTaken[f] = true;
  });
}

/* Blank cells are no evidence, except that two wholly blank rows are the same empty row. */
function resemble(a: Indicator | undefined, b: Indicator): boolean {
  if (!a) return false;
  const keys = (r: Indicator) => [r.name, ...CONTENT_FIELDS.map((f) => r[f])].map(normalizeKey);
  const ka = keys(a);
  const kb = keys(b);
  if (ka.every((k) => k === null) && kb.every((k) => k === null)) return true;
  return ka.some((k, i) => i > 0 && k !== null && k === kb[i]);
}
