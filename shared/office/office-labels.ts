import type { Project } from '../model/budget-text-schema.ts';

// The labels of the official 绩效目标表, in one place for the .docx and .xlsx writers (and the print view).

/** Headings of 第一部分's three sections, keyed by the canonical `overview` field. */
export const SECTION_HEADINGS = {
  overallGoal: '一、总体绩效目标',
  subGoals: '二、分项绩效目标',
  safeguards: '三、工作保障措施',
} as const;

/** The part headings of a 绩效文本. */
export const PART_ONE = '第一部分 部门整体绩效目标';
/** See {@link PART_ONE}. */
export const PART_TWO = '第二部分 项目绩效目标';

/** Column labels of the indicator grid, in order: 一级 二级 三级 描述 指标值 依据. */
export const GRID_LABELS = ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'] as const;

/** The four 资金支出计划 checkpoints with their labels, in calendar order. */
export const PLAN_CHECKPOINTS = [['mar', '3月底'], ['jun', '6月底'], ['oct', '10月底'], ['dec', '12月底']] as const;

/** `1.<名称>绩效目标表`: the heading of project number `n` (1-based), as the published texts number them. */
export function projectHeading(project: Project, n: number): string {
  return `${n}.${project.name}绩效目标表`;
}

/** The 资金支出计划 label with its unit: （%） or （万元）. */
export function planLabel(project: Project): string {
  return project.spendingPlan.unit === 'amount' ? '资金支出计划（万元）' : '资金支出计划（%）';
}

/**
 * An amount in 万元 as the published tables print it: two decimals (`25.00`), or all its decimals when it
 * has more, so nothing is rounded away; blank for null.
 */
export function formatAmount(value: number | null): string {
  if (value === null) return '';
  return Math.round(value * 100) / 100 === value ? value.toFixed(2) : String(value);
}

/** A 资金支出计划 value: `30%` for a percentage plan, an amount (see {@link formatAmount}) otherwise. */
export function formatPlanValue(value: number | null, unit: Project['spendingPlan']['unit']): string {
  if (value === null) return '';
  return unit === 'percent' ? `${value}%` : formatAmount(value);
}

/** `434001 遵化市人民政府办公室`: the unit line above each table (department code and name). */
export function unitLine(department: { code: string; name: string }): string {
  return [department.code, department.name].filter((s) => s !== '').join(' ');
}
