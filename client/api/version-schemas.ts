import { z } from 'zod/mini';
import { META_FIELDS, type BudgetDiff } from '../../shared/diff/index.ts';
import { INDICATOR_FIELDS, IndicatorSchema, OVERVIEW_SECTIONS, PROJECT_FIELDS, ProjectSchema } from '../../shared/model/index.ts';

/*
 * Shapes of the versions, comparison and history answers, checked at the boundary like every
 * other answer (see api-schemas.ts). Objects are not strict: the server may add fields.
 */

const PersonSchema = z.object({ sub: z.string(), name: z.string() });

/** One entry of `GET /api/docs/:id/versions`. `kind` is `manual | auto | restore | status` (others shown as sent). */
export const VersionMetaSchema = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.string(),
  author: PersonSchema,
  createdAt: z.string(),
  summary: z.object({ errors: z.number(), warnings: z.number(), infos: z.number() }),
});
export type VersionMeta = z.infer<typeof VersionMetaSchema>;

const ValueSchema = z.union([z.string(), z.number(), z.null()]);

/** One value a cell had (`GET /api/docs/:id/history`). */
export const HistoryEntrySchema = z.object({
  at: z.string(),
  user: PersonSchema,
  before: ValueSchema,
  after: ValueSchema,
  overwritten: z.optional(z.boolean()),
  suggestedBy: z.optional(PersonSchema),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

const SegmentSchema = z.object({ kind: z.enum(['equal', 'insert', 'delete']), text: z.string() });
const fieldChange = <F extends readonly [string, ...string[]]>(fields: F) =>
  z.object({ field: z.enum(fields), before: ValueSchema, after: ValueSchema, segments: z.optional(z.array(SegmentSchema)) });
const StatusSchema = z.enum(['added', 'removed', 'changed', 'unchanged']);
const Ids = { fromId: z.optional(z.string()), toId: z.optional(z.string()) };

const IndicatorDiffSchema = z.object({
  status: StatusSchema,
  ...Ids,
  fromIndex: z.optional(z.number()),
  toIndex: z.optional(z.number()),
  moved: z.boolean(),
  cells: z.array(fieldChange(INDICATOR_FIELDS)),
  row: IndicatorSchema,
});

const ProjectDiffSchema = z.object({
  status: StatusSchema,
  ...Ids,
  code: z.string(),
  name: z.string(),
  renamed: z.optional(z.object({ before: z.string(), after: z.string() })),
  moved: z.boolean(),
  header: z.omit(ProjectSchema, { indicators: true }),
  fields: z.array(fieldChange(PROJECT_FIELDS)),
  indicators: z.array(IndicatorDiffSchema),
});

const DiffChangeSchema = z.union([
  z.object({ kind: z.literal('meta'), field: z.enum(META_FIELDS) }),
  z.object({ kind: z.literal('overview'), section: z.enum(OVERVIEW_SECTIONS) }),
  z.object({ kind: z.enum(['project-added', 'project-removed', 'project-moved']), project: z.number() }),
  z.object({ kind: z.literal('project-field'), project: z.number(), field: z.enum(PROJECT_FIELDS) }),
  z.object({ kind: z.enum(['row-added', 'row-removed', 'row-moved']), project: z.number(), indicator: z.number() }),
  z.object({ kind: z.literal('cell'), project: z.number(), indicator: z.number(), field: z.enum(INDICATOR_FIELDS) }),
]);

/** Answer of `GET /api/docs/:id/diff`: the structured comparison of `shared/diff`. */
export const BudgetDiffSchema: z.ZodMiniType<BudgetDiff> = z.object({
  matching: z.enum(['id', 'code']),
  meta: z.array(fieldChange(META_FIELDS)),
  overview: z.array(
    z.object({ section: z.enum(OVERVIEW_SECTIONS), status: z.enum(['changed', 'unchanged']), before: z.string(), after: z.string(), segments: z.array(SegmentSchema) }),
  ),
  projects: z.array(ProjectDiffSchema),
  changes: z.array(DiffChangeSchema),
});

/** `{"id"}` answers (a new version, the pre-restore snapshot, a new thread …). */
export const IdAnswerSchema = z.object({ id: z.string() });
/** `{"ok": true}` answers. */
export const OkAnswerSchema = z.object({ ok: z.literal(true) });
