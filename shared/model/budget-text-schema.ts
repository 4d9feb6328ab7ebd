import { z } from 'zod/mini';
import '../zod-english.ts';

/** Version of the canonical JSON form and of the Y.Doc layout; bump with a numbered migration. */
export const SCHEMA_VERSION = 1;

/** Free text of a cell or narrative section; 200k characters is far above any real 绩效文本. */
const Text = z.string().check(z.maxLength(200_000));
/** An amount in 万元, or null when the cell is blank (blank is never 0). */
const Amount = z.nullable(z.number());
/** Stable id of a project or indicator row: URL-safe, short. */
export const EntityIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'id must be 1-64 characters of A-Z a-z 0-9 _ -'));

/** One indicator row of a 绩效目标表. `name` is the 三级指标; `value` is the 指标值 text as written. */
export const IndicatorSchema = z.strictObject({
  id: EntityIdSchema,
  level1: Text,
  level2: Text,
  name: Text,
  description: Text,
  value: Text,
  basis: Text,
});
export type Indicator = z.infer<typeof IndicatorSchema>;

/** The six editable columns of an indicator row, in table order. */
export const INDICATOR_FIELDS = ['level1', 'level2', 'name', 'description', 'value', 'basis'] as const;
export type IndicatorField = (typeof INDICATOR_FIELDS)[number];

/** 资金支出计划: cumulative share (`percent`) or cumulative amount in 万元 (`amount`) at each checkpoint. */
export const SpendingPlanSchema = z.strictObject({
  unit: z.enum(['percent', 'amount']),
  mar: Amount,
  jun: Amount,
  oct: Amount,
  dec: Amount,
});
export type SpendingPlan = z.infer<typeof SpendingPlanSchema>;

/** One budget project and its 绩效目标表. */
export const ProjectSchema = z.strictObject({
  id: EntityIdSchema,
  code: Text,
  name: Text,
  budget: z.strictObject({ total: Amount, fiscal: Amount, other: Amount }),
  purpose: Text,
  spendingPlan: SpendingPlanSchema,
  goal: Text,
  indicators: z.array(IndicatorSchema).check(z.maxLength(5_000)),
});
export type Project = z.infer<typeof ProjectSchema>;

/** The canonical JSON form of a 部门预算绩效文本: the interchange format of API, import, export and tests. */
export const BudgetTextSchema = z
  .strictObject({
    schemaVersion: z.literal(SCHEMA_VERSION),
    title: Text,
    year: z.nullable(z.int().check(z.gte(1990), z.lte(2100))),
    department: z.strictObject({ code: Text, name: Text, region: z.nullable(Text) }),
    unit: z.literal('万元'),
    overview: z.strictObject({ overallGoal: Text, subGoals: Text, safeguards: Text }),
    projects: z.array(ProjectSchema).check(z.maxLength(1_000)),
  })
  .check(z.superRefine((doc, ctx) => {
    const seen = new Set<string>();
    doc.projects.forEach((p, pi) => {
      if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: ['projects', pi, 'id'], message: `duplicate id ${p.id}` });
      seen.add(p.id);
      p.indicators.forEach((ind, ii) => {
        if (seen.has(ind.id)) ctx.addIssue({ code: 'custom', path: ['projects', pi, 'indicators', ii, 'id'], message: `duplicate id ${ind.id}` });
        seen.add(ind.id);
      });
    });
  }));
export type BudgetText = z.infer<typeof BudgetTextSchema>;

/** Narrative sections of 第一部分 部门整体绩效目标, keyed as in {@link BudgetText.overview}. */
export const OVERVIEW_SECTIONS = ['overallGoal', 'subGoals', 'safeguards'] as const;
export type OverviewSection = (typeof OVERVIEW_SECTIONS)[number];
