import { INDICATOR_FIELDS, type BudgetText, type Indicator, type IndicatorField, type Project } from '../model/budget-text-schema.ts';
import { PROJECT_FIELD_SPECS, PROJECT_FIELDS, type ProjectField } from '../model/project-fields.ts';
import { META_FIELDS, type FieldChange, type FieldValue, type MetaField } from './budget-diff.ts';
import { diffText } from './diff-text.ts';

const META_READERS: Record<MetaField, (doc: BudgetText) => FieldValue> = {
  title: (d) => d.title,
  year: (d) => d.year,
  'department.code': (d) => d.department.code,
  'department.name': (d) => d.department.name,
  'department.region': (d) => d.department.region,
};

const PROJECT_READERS = Object.fromEntries(PROJECT_FIELDS.map((f) => [f, PROJECT_FIELD_SPECS[f].read])) as Record<ProjectField, (p: Project) => FieldValue>;

/* An enum, not prose: 'percent' → 'amount' reads as a switch, never as a character edit. */
const NO_SEGMENTS: ReadonlySet<string> = new Set<ProjectField>(['spendingPlan.unit']);

/** Changed title, year and department fields, in {@link META_FIELDS} order. */
export function diffMetaFields(from: BudgetText, to: BudgetText): FieldChange<MetaField>[] {
  return compareFields(META_FIELDS, META_READERS, from, to);
}

/** Changed header fields of a project, in {@link PROJECT_FIELDS} order. */
export function diffProjectFields(from: Project, to: Project): FieldChange<ProjectField>[] {
  return compareFields(PROJECT_FIELDS, PROJECT_READERS, from, to);
}

/** Changed cells of an indicator row, in table order; every cell is text, so each has segments. */
export function diffIndicatorCells(from: Indicator, to: Indicator): FieldChange<IndicatorField>[] {
  const cells: FieldChange<IndicatorField>[] = [];
  for (const field of INDICATOR_FIELDS) {
    if (from[field] !== to[field]) cells.push(fieldChange(field, from[field], to[field]));
  }
  return cells;
}

function compareFields<T, F extends string>(fields: readonly F[], read: Record<F, (x: T) => FieldValue>, from: T, to: T): FieldChange<F>[] {
  const changes: FieldChange<F>[] = [];
  for (const field of fields) {
    const before = read[field](from);
    const after = read[field](to);
    // `===` keeps null and 0 apart: a blank cell is not a zero amount
    if (before !== after) changes.push(fieldChange(field, before, after));
  }
  return changes;
}

function fieldChange<F extends string>(field: F, before: FieldValue, after: FieldValue): FieldChange<F> {
  if (typeof before === 'string' && typeof after === 'string' && !NO_SEGMENTS.has(field)) {
    return { field, before, after, segments: diffText(before, after) };
  }
  return { field, before, after };
}
