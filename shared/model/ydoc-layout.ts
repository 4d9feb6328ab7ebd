import type * as Y from 'yjs';
import type { OverviewSection } from './budget-text-schema.ts';

/*
 * Y.Doc layout of one 部门预算绩效文本 (schema version 1):
 *
 *   meta      Y.Map   schemaVersion, title, year, deptCode, deptName, deptRegion, unit
 *   settings  Y.Map   per-document settings outside the canonical JSON (e.g. hierarchy)
 *   overallGoal / subGoals / safeguards   Y.Text   narrative sections, merged by character
 *   projects  Y.Map<id, Y.Map>   one entry per project:
 *       order    string          fractional order key (order-key.ts)
 *       code, name               string, last writer wins
 *       total, fiscal, other     number | null (万元)
 *       planUnit                 'percent' | 'amount'
 *       mar, jun, oct, dec       number | null
 *       purpose, goal            Y.Text
 *       indicators  Y.Map<id, Y.Map>  order, level1, level2, name, description, value, basis (strings)
 *
 * Keyed maps with order keys, not Y.Arrays, so a move is one key write and concurrent moves
 * never duplicate a row.
 */

/** A project entry of the `projects` map. */
export type ProjectMap = Y.Map<unknown>;
/** An indicator entry of a project's `indicators` map. */
export type IndicatorMap = Y.Map<unknown>;

/** Root map of document-level scalar fields. */
export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('meta');
}

/** Root map of per-document settings (validation hierarchy …), not part of the canonical JSON. */
export function settingsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('settings');
}

/** Root map of projects by id. */
export function projectsMap(doc: Y.Doc): Y.Map<ProjectMap> {
  return doc.getMap('projects');
}

/** The Y.Text of a narrative section of 第一部分. */
export function overviewText(doc: Y.Doc, section: OverviewSection): Y.Text {
  return doc.getText(section);
}

/** The indicator rows of a project entry. */
export function indicatorsOf(project: ProjectMap): Y.Map<IndicatorMap> {
  return project.get('indicators') as Y.Map<IndicatorMap>;
}

/** A Y.Text held by a project entry (`purpose` or `goal`). */
export function projectText(project: ProjectMap, field: 'purpose' | 'goal'): Y.Text {
  return project.get(field) as Y.Text;
}

/** Reads a string field, '' when absent (a peer may not have it yet). */
export function readString(map: Y.Map<unknown>, key: string): string {
  const v = map.get(key);
  return typeof v === 'string' ? v : '';
}

/** Reads an amount, null when blank or absent. */
export function readAmount(map: Y.Map<unknown>, key: string): number | null {
  const v = map.get(key);
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/**
 * The order key of an entry. It can be briefly absent: Yjs applies a concurrent move's deletion of
 * the old key before the new key's insert when the two arrive out of order; 'a0' keeps the entry
 * listed (and keys valid) until the insert arrives.
 */
export function readOrder(map: Y.Map<unknown>): string {
  return readString(map, 'order') || 'a0';
}

/** Entries of a keyed map sorted by order key, then id: the order every peer shows. */
export function sortedEntries<T extends Y.Map<unknown>>(map: Y.Map<T>): Array<{ id: string; order: string; map: T }> {
  const out: Array<{ id: string; order: string; map: T }> = [];
  map.forEach((value, id) => out.push({ id, order: readOrder(value), map: value }));
  out.sort((a, b) => (a.order !== b.order ? (a.order < b.order ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return out;
}
