import { normalizeKey } from '../diff/match-by-key.ts';
import type { BudgetText, Indicator, Project } from '../model/budget-text-schema.ts';
import type { RowLineage } from './roll-over-budget-text.ts';

/** Last year's 指标值 and 指标值确定依据 of one row. */
export interface PreviousValue {
  value: string;
  basis: string;
}

/** What ties a draft to the document it was made from (kept by the server beside the draft). */
export interface DraftLineage {
  /** New project id → previous project id. */
  projects: Readonly<Record<string, string>>;
  /** New row id → previous project and row id. */
  rows: Readonly<Record<string, RowLineage>>;
}

const rowKey = (r: Indicator): string | null => {
  const name = normalizeKey(r.name);
  return name === null ? null : `${normalizeKey(r.level2) ?? ''}\u0000${name}`;
};

/**
 * Last year's values of the rows of `current`, by row id: a row takes the row its lineage names
 * when that row is still in `previous`; any other row (added after the rollover, or whose
 * previous row is gone) takes the row of the same (二级指标, 三级指标) — normalised as the diff
 * does — in the matching previous project (by lineage, else by 项目编码), preferring one no
 * other row claimed by lineage. Rows without a match are absent from the result.
 */
export function matchPreviousValues(current: BudgetText, previous: BudgetText, lineage: DraftLineage): Record<string, PreviousValue> {
  const byId = new Map(previous.projects.map((p) => [p.id, p]));
  const byCode = new Map<string, Project>();
  const rowsByPlace = new Map<string, Indicator>();
  for (const p of previous.projects) {
    const code = normalizeKey(p.code);
    if (code !== null && !byCode.has(code)) byCode.set(code, p);
    for (const r of p.indicators) rowsByPlace.set(place(p.id, r.id), r);
  }
  const claimed = new Set(Object.values(lineage.rows).map((r) => place(r.project, r.indicator)));
  const keyed = new Map<string, Map<string, Indicator>>();
  const values: Record<string, PreviousValue> = {};
  for (const project of current.projects) {
    const linked = lineage.projects[project.id];
    const code = normalizeKey(project.code);
    const before = (linked === undefined ? undefined : byId.get(linked)) ?? (code === null ? undefined : byCode.get(code));
    for (const row of project.indicators) {
      const link = lineage.rows[row.id];
      let found = link ? rowsByPlace.get(place(link.project, link.indicator)) : undefined;
      if (!found && before) {
        const key = rowKey(row);
        found = key === null ? undefined : rowsByKey(before, claimed, keyed).get(key);
      }
      if (found) values[row.id] = { value: found.value, basis: found.basis };
    }
  }
  return values;
}

const place = (project: string, indicator: string) => `${project}\u0000${indicator}`;

/** The rows of `project` by (二级, 三级) key, built once per project: the first row no lineage claims, else the first. */
function rowsByKey(project: Project, claimed: ReadonlySet<string>, cache: Map<string, Map<string, Indicator>>): Map<string, Indicator> {
  let map = cache.get(project.id);
  if (map) return map;
  map = new Map();
  const taken = new Set<string>();
  for (const r of project.indicators) {
    const key = rowKey(r);
    if (key === null) continue;
    const free = !claimed.has(place(project.id, r.id));
    if (!map.has(key) || (free && !taken.has(key))) map.set(key, r);
    if (free) taken.add(key);
  }
  cache.set(project.id, map);
  return map;
}
