import type * as Y from 'yjs';
import type { Indicator, IndicatorField, OverviewSection, Project, SpendingPlan } from './budget-text-schema.ts';
import type { BudgetField, ProjectScalarField, ProjectTextField } from './budget-op.ts';
import { newIndicatorMap, newProjectMap } from './budget-ydoc.ts';
import { newId } from '../ids.ts';
import { orderKeyAt } from './order-key.ts';
import { indicatorsOf, metaMap, overviewText, projectText, projectsMap, sortedEntries, type ProjectMap } from './ydoc-layout.ts';

/*
 * The typed mutation API: the only way code changes a budget document. Each call is one
 * transaction with the caller's `origin` (the client's UndoManager tracks its own origin, so
 * undo never touches a colleague's edit). Setters return false when the project or row no
 * longer exists (a colleague deleted it a moment ago); they never throw for that.
 */

/** Where a narrative Y.Text lives: a section of 第一部分, or a project's 资金用途 / 绩效目标. */
export type TextRef = { section: OverviewSection } | { project: string; field: ProjectTextField };

function projectOf(doc: Y.Doc, projectId: string): ProjectMap | undefined {
  return projectsMap(doc).get(projectId);
}

/** Inserts a project at `index` (default: last) and returns its id. */
export function addProject(doc: Y.Doc, init: Partial<Omit<Project, 'indicators'>> = {}, index?: number, origin?: unknown): string {
  const id = init.id ?? newId();
  const project: Project = {
    id,
    code: init.code ?? '',
    name: init.name ?? '',
    budget: init.budget ?? { total: null, fiscal: null, other: null },
    purpose: init.purpose ?? '',
    spendingPlan: init.spendingPlan ?? { unit: 'percent', mar: null, jun: null, oct: null, dec: null },
    goal: init.goal ?? '',
    indicators: [],
  };
  doc.transact(() => {
    const keys = sortedEntries(projectsMap(doc)).map((e) => e.order);
    projectsMap(doc).set(id, newProjectMap(project, orderKeyAt(keys, index ?? keys.length)));
  }, origin);
  return id;
}

/** Deletes a project with its rows; false if it was already gone. */
export function removeProject(doc: Y.Doc, projectId: string, origin?: unknown): boolean {
  if (!projectsMap(doc).has(projectId)) return false;
  doc.transact(() => projectsMap(doc).delete(projectId), origin);
  return true;
}

/** Moves a project to `toIndex` of the list without it; its id and content stay. */
export function moveProject(doc: Y.Doc, projectId: string, toIndex: number, origin?: unknown): boolean {
  const project = projectOf(doc, projectId);
  if (!project) return false;
  const keys = sortedEntries(projectsMap(doc)).filter((e) => e.id !== projectId).map((e) => e.order);
  doc.transact(() => project.set('order', orderKeyAt(keys, clamp(toIndex, keys.length))), origin);
  return true;
}

/** Inserts an indicator row at `index` of the project's rows (default: last); returns its id, or null if the project is gone. */
export function addIndicator(doc: Y.Doc, projectId: string, init: Partial<Indicator> = {}, index?: number, origin?: unknown): string | null {
  const project = projectOf(doc, projectId);
  if (!project) return null;
  const id = init.id ?? newId();
  const indicator: Indicator = {
    id,
    level1: init.level1 ?? '',
    level2: init.level2 ?? '',
    name: init.name ?? '',
    description: init.description ?? '',
    value: init.value ?? '',
    basis: init.basis ?? '',
  };
  doc.transact(() => {
    const rows = indicatorsOf(project);
    const keys = sortedEntries(rows).map((e) => e.order);
    rows.set(id, newIndicatorMap(indicator, orderKeyAt(keys, clamp(index ?? keys.length, keys.length))));
  }, origin);
  return id;
}

/** Deletes an indicator row; false if it was already gone. */
export function removeIndicator(doc: Y.Doc, projectId: string, indicatorId: string, origin?: unknown): boolean {
  const project = projectOf(doc, projectId);
  if (!project || !indicatorsOf(project).has(indicatorId)) return false;
  doc.transact(() => indicatorsOf(project).delete(indicatorId), origin);
  return true;
}

/** Moves an indicator row to `toIndex` of the project's rows without it; its id and cells stay. */
export function moveIndicator(doc: Y.Doc, projectId: string, indicatorId: string, toIndex: number, origin?: unknown): boolean {
  const project = projectOf(doc, projectId);
  const row = project && indicatorsOf(project).get(indicatorId);
  if (!project || !row) return false;
  const keys = sortedEntries(indicatorsOf(project)).filter((e) => e.id !== indicatorId).map((e) => e.order);
  doc.transact(() => row.set('order', orderKeyAt(keys, clamp(toIndex, keys.length))), origin);
  return true;
}

/** Sets one cell of an indicator row (last writer wins per cell). */
export function setIndicatorField(doc: Y.Doc, projectId: string, indicatorId: string, field: IndicatorField, value: string, origin?: unknown): boolean {
  const project = projectOf(doc, projectId);
  const row = project && indicatorsOf(project).get(indicatorId);
  if (!row) return false;
  if (row.get(field) === value) return true;
  doc.transact(() => row.set(field, value), origin);
  return true;
}

/** Sets 项目编码 or 项目名称. */
export function setProjectField(doc: Y.Doc, projectId: string, field: ProjectScalarField, value: string, origin?: unknown): boolean {
  const project = projectOf(doc, projectId);
  if (!project) return false;
  if (project.get(field) !== value) doc.transact(() => project.set(field, value), origin);
  return true;
}

/** Sets 预算数, 财政资金 or 其他资金 in 万元; null blanks the cell. */
export function setBudget(doc: Y.Doc, projectId: string, field: BudgetField, value: number | null, origin?: unknown): boolean {
  const project = projectOf(doc, projectId);
  if (!project) return false;
  if (project.get(field) !== value) doc.transact(() => project.set(field, value), origin);
  return true;
}

/** Sets any subset of the 资金支出计划 (unit and checkpoints) in one transaction. */
export function setSpendingPlan(doc: Y.Doc, projectId: string, plan: Partial<SpendingPlan>, origin?: unknown): boolean {
  const project = projectOf(doc, projectId);
  if (!project) return false;
  doc.transact(() => {
    if (plan.unit !== undefined) project.set('planUnit', plan.unit);
    for (const k of ['mar', 'jun', 'oct', 'dec'] as const) if (plan[k] !== undefined) project.set(k, plan[k]);
  }, origin);
  return true;
}

/** Sets the document title, year and department fields that are given. */
export function setDocumentMeta(
  doc: Y.Doc,
  meta: { title?: string; year?: number | null; department?: { code?: string; name?: string; region?: string | null } },
  origin?: unknown,
): void {
  doc.transact(() => {
    const m = metaMap(doc);
    if (meta.title !== undefined) m.set('title', meta.title);
    if (meta.year !== undefined) m.set('year', meta.year);
    if (meta.department?.code !== undefined) m.set('deptCode', meta.department.code);
    if (meta.department?.name !== undefined) m.set('deptName', meta.department.name);
    if (meta.department?.region !== undefined) m.set('deptRegion', meta.department.region);
  }, origin);
}

/** The Y.Text behind a {@link TextRef}, or null if its project is gone. */
export function resolveText(doc: Y.Doc, ref: TextRef): Y.Text | null {
  if ('section' in ref) return overviewText(doc, ref.section);
  const project = projectOf(doc, ref.project);
  return project ? projectText(project, ref.field) : null;
}

/** Deletes `deleteCount` characters at `index` and inserts `insert` there: a character-level edit. */
export function editText(doc: Y.Doc, ref: TextRef, index: number, deleteCount: number, insert: string, origin?: unknown): boolean {
  const text = resolveText(doc, ref);
  if (!text) return false;
  doc.transact(() => {
    const at = clamp(index, text.length);
    if (deleteCount > 0) text.delete(at, Math.min(deleteCount, text.length - at));
    if (insert) text.insert(at, insert);
  }, origin);
  return true;
}

/**
 * Replaces a whole text with `value` as the smallest edit (common prefix and suffix kept), so a
 * colleague typing elsewhere in the same text keeps their characters.
 */
export function replaceText(doc: Y.Doc, ref: TextRef, value: string, origin?: unknown): boolean {
  const text = resolveText(doc, ref);
  if (!text) return false;
  const old = text.toString();
  if (old === value) return true;
  let start = 0;
  while (start < old.length && start < value.length && old[start] === value[start]) start++;
  let end = 0;
  while (end < old.length - start && end < value.length - start && old[old.length - 1 - end] === value[value.length - 1 - end]) end++;
  return editText(doc, ref, start, old.length - start - end, value.slice(start, value.length - end), origin);
}

function clamp(i: number, max: number): number {
  return Math.max(0, Math.min(max, Math.trunc(i)));
}
