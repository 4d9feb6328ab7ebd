import type { Indicator, IndicatorField, OverviewSection, Project } from '../model/budget-text-schema.ts';
import type { ProjectField } from '../model/project-fields.ts';

/*
 * The shape of a comparison between two versions of a 部门预算绩效文本. Everything here is plain
 * JSON: the server returns it from `GET /api/docs/:id/diff` and the client renders it as is.
 */

/** A run of text: kept in both versions, inserted in `to`, or deleted from `from`. */
export interface TextSegment {
  kind: 'equal' | 'insert' | 'delete';
  text: string;
}

/**
 * How projects and rows were paired: `id` by their stable ids (versions of one document);
 * `code` by 项目编码 and (二级指标, 三级指标) (two imports of the same text, which share no ids).
 */
export type DiffMatching = 'id' | 'code';

/**
 * `added`: only in `to`; `removed`: only in `from`; `changed`: in both and different in a value
 * or in position (`moved`); `unchanged`: in both, same values, same relative position.
 */
export type DiffStatus = 'added' | 'removed' | 'changed' | 'unchanged';

/** A compared value: text, an amount in 万元 or a year, or null for a blank cell (null ≠ 0). */
export type FieldValue = string | number | null;

/** Document fields outside the overview and the projects, in display order. */
export const META_FIELDS = ['title', 'year', 'department.code', 'department.name', 'department.region'] as const;
export type MetaField = (typeof META_FIELDS)[number];

/**
 * One field whose value differs. `segments` is the character-level diff, present when both
 * values are free text (absent for numbers, blanks and the 资金支出计划 unit).
 */
export interface FieldChange<F extends string> {
  field: F;
  before: FieldValue;
  after: FieldValue;
  segments?: TextSegment[];
}

/** One narrative section of 第一部分; `segments` always rebuilds both texts (one `equal` run when unchanged). */
export interface OverviewDiff {
  section: OverviewSection;
  status: 'changed' | 'unchanged';
  before: string;
  after: string;
  segments: TextSegment[];
}

/** A project's header as shown: the project without its rows. */
export type ProjectHeader = Omit<Project, 'indicators'>;

/**
 * One indicator row. `fromIndex`/`toIndex` are its positions in the project's rows of each
 * version; `cells` lists only changed cells (empty unless `changed`); `row` is the `to` row, or
 * the `from` row when removed. `moved`: its order relative to the other rows kept in both
 * versions changed (a minimal set of rows is marked, so one moved row marks only itself).
 */
export interface IndicatorDiff {
  status: DiffStatus;
  fromId?: string;
  toId?: string;
  fromIndex?: number;
  toIndex?: number;
  moved: boolean;
  cells: FieldChange<IndicatorField>[];
  row: Indicator;
}

/**
 * One project. `code`, `name` and `header` are the `to` side (the `from` side when removed);
 * `renamed` is set when 项目名称 differs; `fields` lists changed header fields; `indicators`
 * holds every row in `to` order, removed rows where they stood. Rows of an added or removed
 * project are all `added` or `removed`, with no cells.
 */
export interface ProjectDiff {
  status: DiffStatus;
  fromId?: string;
  toId?: string;
  code: string;
  name: string;
  renamed?: { before: string; after: string };
  moved: boolean;
  header: ProjectHeader;
  fields: FieldChange<ProjectField>[];
  indicators: IndicatorDiff[];
}

/**
 * One step of next/previous-change navigation. `project` indexes {@link BudgetDiff.projects},
 * `indicator` indexes that project's `indicators`. Each counted change of the summary is one step.
 */
export type DiffChange =
  | { kind: 'meta'; field: MetaField }
  | { kind: 'overview'; section: OverviewSection }
  | { kind: 'project-added' | 'project-removed' | 'project-moved'; project: number }
  | { kind: 'project-field'; project: number; field: ProjectField }
  | { kind: 'row-added' | 'row-removed' | 'row-moved'; project: number; indicator: number }
  | { kind: 'cell'; project: number; indicator: number; field: IndicatorField };

/**
 * The structured comparison of two versions. `projects` is in `to` order with removed projects
 * where they stood; `changes` lists every change in document order.
 */
export interface BudgetDiff {
  matching: DiffMatching;
  meta: FieldChange<MetaField>[];
  overview: OverviewDiff[];
  projects: ProjectDiff[];
  changes: DiffChange[];
}
