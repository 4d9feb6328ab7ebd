import type * as Y from 'yjs';
import { INDICATOR_FIELDS, OVERVIEW_SECTIONS, type BudgetText, type Project } from './budget-text-schema.ts';
import { newIndicatorMap, newProjectMap } from './budget-ydoc.ts';
import { replaceText, setDocumentMeta } from './mutations.ts';
import { orderKeyBetween } from './order-key.ts';
import { PROJECT_FIELD_SPECS, PROJECT_FIELDS } from './project-fields.ts';
import { reorderEntries } from './reorder-entries.ts';
import { indicatorsOf, projectsMap, readAmount, readString, sortedEntries, type ProjectMap } from './ydoc-layout.ts';

/**
 * Makes `doc` equal `target` with the fewest, most local changes: cells that already hold the
 * target value are not touched, texts change by minimal edits, rows and projects keep their ids,
 * and moved entries get new order keys only. Used to restore a version as a new forward change,
 * so every open client receives it live and colleagues' edits elsewhere survive.
 */
export function reconcileBudgetYDoc(doc: Y.Doc, target: BudgetText, origin?: unknown): void {
  doc.transact(() => {
    setDocumentMeta(doc, { title: target.title, year: target.year, department: target.department }, origin);
    for (const section of OVERVIEW_SECTIONS) replaceText(doc, { section }, target.overview[section], origin);
    const projects = projectsMap(doc);
    const wanted = new Set(target.projects.map((p) => p.id));
    for (const id of [...projects.keys()]) if (!wanted.has(id)) projects.delete(id);
    for (const p of target.projects) {
      const existing = projects.get(p.id);
      if (existing) reconcileProject(doc, existing, p, origin);
      else projects.set(p.id, newProjectMap(p, keyAfterAll(projects)));
    }
    reorderEntries(projects, target.projects.map((p) => p.id));
  }, origin);
}

function reconcileProject(doc: Y.Doc, map: ProjectMap, p: Project, origin: unknown): void {
  for (const field of PROJECT_FIELDS) {
    const { key, kind, read } = PROJECT_FIELD_SPECS[field];
    const value = read(p);
    if (field === 'purpose' || field === 'goal') replaceText(doc, { project: p.id, field }, String(value), origin);
    else if (kind === 'amount') {
      if (readAmount(map, key) !== value) map.set(key, value);
    } else setIfChanged(map, key, String(value));
  }
  const rows = indicatorsOf(map);
  const wanted = new Set(p.indicators.map((r) => r.id));
  for (const id of [...rows.keys()]) if (!wanted.has(id)) rows.delete(id);
  for (const r of p.indicators) {
    const row = rows.get(r.id);
    if (!row) rows.set(r.id, newIndicatorMap(r, keyAfterAll(rows)));
    else for (const f of INDICATOR_FIELDS) setIfChanged(row, f, r[f]);
  }
  reorderEntries(rows, p.indicators.map((r) => r.id));
}

/** A key after every entry: a re-added entry starts last, then reorderEntries places it. */
function keyAfterAll(map: Y.Map<Y.Map<unknown>>): string {
  const entries = sortedEntries(map);
  return orderKeyBetween(entries[entries.length - 1]?.order ?? null, null);
}

function setIfChanged(map: Y.Map<unknown>, key: string, value: string): void {
  if (readString(map, key) !== value || !map.has(key)) map.set(key, value);
}
