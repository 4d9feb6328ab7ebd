import { INDICATOR_FIELDS, OVERVIEW_SECTIONS, PROJECT_FIELD_SPECS, PROJECT_FIELDS } from '../../shared/model/index.ts';
import type { BudgetText, Indicator, IndicatorField, OverviewSection, Project, ProjectField, ProjectFieldValue } from '../../shared/model/index.ts';

/**
 * One place this browser changed that the server has not acknowledged: a narrative section, the
 * document head (title, year, department), a header field, an indicator cell, a row added or
 * removed, or a project added or removed. `value` is the local value (what the person wrote),
 * `before` the one the server acknowledged.
 */
export type PendingChange =
  | { kind: 'section'; section: OverviewSection; value: string; before: string }
  | { kind: 'head'; field: 'title' | 'year' | 'department'; value: string; before: string }
  | { kind: 'header'; project: string; field: ProjectField; value: ProjectFieldValue; before: ProjectFieldValue }
  | { kind: 'cell'; project: string; indicator: string; field: IndicatorField; value: string; before: string }
  | { kind: 'row-added'; project: string; indicator: string; insertAfter: string | null; row: Omit<Indicator, 'id'> }
  | { kind: 'row-removed'; project: string; indicator: string }
  | { kind: 'project-added' | 'project-removed'; project: string; name: string };

/**
 * The places where `local` differs from `confirmed` (the state the server acknowledged), in
 * document order. Its length is the count the status shows (离线 · n 处修改未同步); a new row
 * counts once per filled cell, at least once.
 */
export function listPendingChanges(local: BudgetText, confirmed: BudgetText): PendingChange[] {
  const out: PendingChange[] = [];
  for (const section of OVERVIEW_SECTIONS) {
    if (local.overview[section] !== confirmed.overview[section]) out.push({ kind: 'section', section, value: local.overview[section], before: confirmed.overview[section] });
  }
  if (local.title !== confirmed.title) out.push({ kind: 'head', field: 'title', value: local.title, before: confirmed.title });
  if (local.year !== confirmed.year) out.push({ kind: 'head', field: 'year', value: String(local.year ?? ''), before: String(confirmed.year ?? '') });
  if (JSON.stringify(local.department) !== JSON.stringify(confirmed.department)) out.push({ kind: 'head', field: 'department', value: local.department.name, before: confirmed.department.name });
  const before = new Map(confirmed.projects.map((p) => [p.id, p]));
  for (const project of local.projects) {
    const old = before.get(project.id);
    if (old) projectChanges(project, old, out);
    else out.push({ kind: 'project-added', project: project.id, name: project.name });
  }
  const now = new Set(local.projects.map((p) => p.id));
  for (const p of confirmed.projects) if (!now.has(p.id)) out.push({ kind: 'project-removed', project: p.id, name: p.name });
  return out;
}

/** How many places a list of changes counts as: a new row counts its filled cells (at least one). */
export function countPendingPlaces(changes: readonly PendingChange[]): number {
  return changes.reduce((n, c) => n + (c.kind === 'row-added' ? Math.max(1, INDICATOR_FIELDS.filter((f) => c.row[f] !== '').length) : 1), 0);
}

function projectChanges(project: Project, old: Project, out: PendingChange[]): void {
  for (const field of PROJECT_FIELDS) {
    const value = PROJECT_FIELD_SPECS[field].read(project);
    const before = PROJECT_FIELD_SPECS[field].read(old);
    if (value !== before) out.push({ kind: 'header', project: project.id, field, value, before });
  }
  const rows = new Map(old.indicators.map((r) => [r.id, r]));
  let previous: string | null = null;
  for (const row of project.indicators) {
    const was = rows.get(row.id);
    if (!was) {
      const { id, ...cells } = row;
      out.push({ kind: 'row-added', project: project.id, indicator: id, insertAfter: previous, row: cells });
    } else {
      for (const field of INDICATOR_FIELDS) {
        if (row[field] !== was[field]) out.push({ kind: 'cell', project: project.id, indicator: row.id, field, value: row[field], before: was[field] });
      }
      // A suggested row goes after a row the server has: never after another unsent one.
      previous = row.id;
    }
  }
  const kept = new Set(project.indicators.map((r) => r.id));
  for (const r of old.indicators) if (!kept.has(r.id)) out.push({ kind: 'row-removed', project: project.id, indicator: r.id });
}
