import type { Project } from './budget-text-schema.ts';

/*
 * The header fields of a project's 绩效目标表, written once: the name the canonical JSON, the API,
 * findings, history, comments and the diff use (`budget.total`), the key of the project's Y.Map
 * (`total`, see ydoc-layout.ts), how to read it from the JSON, and its label.
 */

/** Header fields in display order (the order of the 绩效目标表 and of the comparison). */
export const PROJECT_FIELDS = [
  'code', 'name', 'budget.total', 'budget.fiscal', 'budget.other', 'purpose',
  'spendingPlan.unit', 'spendingPlan.mar', 'spendingPlan.jun', 'spendingPlan.oct', 'spendingPlan.dec', 'goal',
] as const;
export type ProjectField = (typeof PROJECT_FIELDS)[number];

/** A header value: text, an amount in 万元 or percent, the plan unit, or null for a blank (never 0). */
export type ProjectFieldValue = string | number | null;

/** What the table knows of one header field. */
export interface ProjectFieldSpec {
  /** Key in the project's Y.Map. */
  key: string;
  /**
   * How the Y.Map holds it: `text` a Y.Text (merged by character); the others are last-writer-wins
   * values: `string`, `amount` (number | null) or `unit` ('percent' | 'amount').
   */
  kind: 'text' | 'string' | 'amount' | 'unit';
  /** The value in canonical JSON. */
  read(project: Omit<Project, 'indicators'>): ProjectFieldValue;
  /** As the 绩效目标表 labels it. */
  label: { zh: string; en: string };
}

/** Every header field's Y.Doc key, reader and label. */
export const PROJECT_FIELD_SPECS: Readonly<Record<ProjectField, ProjectFieldSpec>> = {
  code: { key: 'code', kind: 'string', read: (p) => p.code, label: { zh: '项目编码', en: 'Project code' } },
  name: { key: 'name', kind: 'string', read: (p) => p.name, label: { zh: '项目名称', en: 'Project name' } },
  'budget.total': { key: 'total', kind: 'amount', read: (p) => p.budget.total, label: { zh: '预算数', en: 'Budget' } },
  'budget.fiscal': { key: 'fiscal', kind: 'amount', read: (p) => p.budget.fiscal, label: { zh: '财政资金', en: 'Fiscal funds' } },
  'budget.other': { key: 'other', kind: 'amount', read: (p) => p.budget.other, label: { zh: '其他资金', en: 'Other funds' } },
  purpose: { key: 'purpose', kind: 'text', read: (p) => p.purpose, label: { zh: '资金用途', en: 'Use of funds' } },
  'spendingPlan.unit': { key: 'planUnit', kind: 'unit', read: (p) => p.spendingPlan.unit, label: { zh: '计划口径', en: 'Plan unit' } },
  'spendingPlan.mar': { key: 'mar', kind: 'amount', read: (p) => p.spendingPlan.mar, label: { zh: '资金支出计划 3月底', en: 'Spending plan End of Mar' } },
  'spendingPlan.jun': { key: 'jun', kind: 'amount', read: (p) => p.spendingPlan.jun, label: { zh: '资金支出计划 6月底', en: 'Spending plan End of Jun' } },
  'spendingPlan.oct': { key: 'oct', kind: 'amount', read: (p) => p.spendingPlan.oct, label: { zh: '资金支出计划 10月底', en: 'Spending plan End of Oct' } },
  'spendingPlan.dec': { key: 'dec', kind: 'amount', read: (p) => p.spendingPlan.dec, label: { zh: '资金支出计划 12月底', en: 'Spending plan End of Dec' } },
  goal: { key: 'goal', kind: 'text', read: (p) => p.goal, label: { zh: '绩效目标', en: 'Performance goal' } },
};

const FIELD_BY_KEY: ReadonlyMap<string, ProjectField> = new Map(PROJECT_FIELDS.map((f) => [PROJECT_FIELD_SPECS[f].key, f]));

/** The header field stored under Y.Map key `key` of a project (`total` → `budget.total`); null for any other key. */
export function projectFieldOfKey(key: string): ProjectField | null {
  return FIELD_BY_KEY.get(key) ?? null;
}

/** Whether `value` names a header field. */
export function isProjectField(value: string | undefined): value is ProjectField {
  return value !== undefined && (PROJECT_FIELDS as readonly string[]).includes(value);
}
