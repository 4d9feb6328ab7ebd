import * as Y from 'yjs';
import {
  INDICATOR_FIELDS,
  OVERVIEW_SECTIONS,
  SCHEMA_VERSION,
  type BudgetText,
  type Indicator,
  type Project,
} from './budget-text-schema.ts';
import { initialOrderKeys } from './order-key.ts';
import { PROJECT_FIELD_SPECS, PROJECT_FIELDS } from './project-fields.ts';
import {
  indicatorsOf,
  metaMap,
  overviewText,
  projectText,
  projectsMap,
  readAmount,
  readString,
  sortedEntries,
  type IndicatorMap,
  type ProjectMap,
} from './ydoc-layout.ts';

/**
 * Builds a fresh Y.Doc holding `text`. The result round-trips: `toBudgetJson(toBudgetYDoc(t))`
 * deep-equals `t` for any valid canonical JSON `t`.
 */
export function toBudgetYDoc(text: BudgetText, doc: Y.Doc = new Y.Doc()): Y.Doc {
  doc.transact(() => {
    const meta = metaMap(doc);
    meta.set('schemaVersion', SCHEMA_VERSION);
    meta.set('title', text.title);
    meta.set('year', text.year);
    meta.set('deptCode', text.department.code);
    meta.set('deptName', text.department.name);
    meta.set('deptRegion', text.department.region);
    meta.set('unit', text.unit);
    for (const section of OVERVIEW_SECTIONS) overviewText(doc, section).insert(0, text.overview[section]);
    const keys = initialOrderKeys(text.projects.length);
    text.projects.forEach((p, i) => projectsMap(doc).set(p.id, newProjectMap(p, keys[i] ?? 'a0')));
  });
  return doc;
}

/** A detached project entry for `project`, ready to be set into the `projects` map. */
export function newProjectMap(project: Project, order: string): ProjectMap {
  const map: ProjectMap = new Y.Map();
  map.set('order', order);
  for (const field of PROJECT_FIELDS) {
    const { key, kind, read } = PROJECT_FIELD_SPECS[field];
    const value = read(project);
    map.set(key, kind === 'text' ? new Y.Text(String(value)) : value);
  }
  const indicators: Y.Map<IndicatorMap> = new Y.Map();
  const keys = initialOrderKeys(project.indicators.length);
  project.indicators.forEach((ind, i) => indicators.set(ind.id, newIndicatorMap(ind, keys[i] ?? 'a0')));
  map.set('indicators', indicators);
  return map;
}

/** A detached indicator entry for `indicator`, ready to be set into a project's `indicators` map. */
export function newIndicatorMap(indicator: Indicator, order: string): IndicatorMap {
  const map: IndicatorMap = new Y.Map();
  map.set('order', order);
  for (const f of INDICATOR_FIELDS) map.set(f, indicator[f]);
  return map;
}

/** The canonical JSON form of the document as it is now. */
export function toBudgetJson(doc: Y.Doc): BudgetText {
  return { ...toDocumentHeadJson(doc), projects: sortedEntries(projectsMap(doc)).map(({ id, map }) => toProjectJson(id, map)) };
}

/** Everything of the canonical JSON but the projects (cheap: no project is read). */
export function toDocumentHeadJson(doc: Y.Doc): Omit<BudgetText, 'projects'> {
  const meta = metaMap(doc);
  const year = meta.get('year');
  const region = meta.get('deptRegion');
  return {
    schemaVersion: SCHEMA_VERSION,
    title: readString(meta, 'title'),
    year: typeof year === 'number' ? year : null,
    department: { code: readString(meta, 'deptCode'), name: readString(meta, 'deptName'), region: typeof region === 'string' ? region : null },
    unit: '万元',
    overview: {
      overallGoal: overviewText(doc, 'overallGoal').toString(),
      subGoals: overviewText(doc, 'subGoals').toString(),
      safeguards: overviewText(doc, 'safeguards').toString(),
    },
  };
}

/** The canonical JSON of one project entry. */
export function toProjectJson(id: string, map: ProjectMap): Project {
  const unit = map.get('planUnit') === 'amount' ? 'amount' : 'percent';
  return {
    id,
    code: readString(map, 'code'),
    name: readString(map, 'name'),
    budget: { total: readAmount(map, 'total'), fiscal: readAmount(map, 'fiscal'), other: readAmount(map, 'other') },
    purpose: projectText(map, 'purpose').toString(),
    spendingPlan: { unit, mar: readAmount(map, 'mar'), jun: readAmount(map, 'jun'), oct: readAmount(map, 'oct'), dec: readAmount(map, 'dec') },
    goal: projectText(map, 'goal').toString(),
    indicators: sortedEntries(indicatorsOf(map)).map(({ id: iid, map: im }) => toIndicatorJson(iid, im)),
  };
}

/** The canonical JSON of one indicator entry. */
export function toIndicatorJson(id: string, map: IndicatorMap): Indicator {
  return {
    id,
    level1: readString(map, 'level1'),
    level2: readString(map, 'level2'),
    name: readString(map, 'name'),
    description: readString(map, 'description'),
    value: readString(map, 'value'),
    basis: readString(map, 'basis'),
  };
}
