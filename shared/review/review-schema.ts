import { z } from 'zod/mini';
import '../zod-english.ts';
import { PROJECT_FIELDS } from '../model/project-fields.ts';
import { DOC_STATUSES, ROLES } from './workflow.ts';
import { EntityIdSchema, IndicatorSchema, INDICATOR_FIELDS, OVERVIEW_SECTIONS } from '../model/budget-text-schema.ts';

const CommentText = z.string().check(z.trim(), z.minLength(1, '评论不能为空 / comment is empty'), z.maxLength(10_000));

/** Where a thread is anchored, as the API receives it. */
export const AnchorInputSchema = z.union([
  z.strictObject({ project: EntityIdSchema, indicator: EntityIdSchema, field: z.enum(INDICATOR_FIELDS) }),
  z.strictObject({ project: EntityIdSchema, field: z.enum(PROJECT_FIELDS) }),
  z.strictObject({ section: z.enum(OVERVIEW_SECTIONS), from: z.int().check(z.gte(0)), to: z.int().check(z.gte(0)) }),
  z.strictObject({ section: z.enum(['purpose', 'goal']), project: EntityIdSchema, from: z.int().check(z.gte(0)), to: z.int().check(z.gte(0)) }),
  z.strictObject({ project: EntityIdSchema }),
  z.strictObject({}),
]);
export type AnchorInput = z.infer<typeof AnchorInputSchema>;

/** `POST /api/docs/:id/comments`. */
export const NewThreadSchema = z.strictObject({ anchor: AnchorInputSchema, text: CommentText });
/** `POST …/comments/:tid/replies` and editing a comment. */
export const CommentTextSchema = z.strictObject({ text: CommentText });
/** `PATCH …/comments/:tid`. */
export const ThreadPatchSchema = z.strictObject({ resolved: z.boolean() });

/** `POST /api/docs/:id/suggestions`: a new cell or header value, a new row, or deleting a row. */
export const NewSuggestionSchema = z.union([
  z.strictObject({ project: EntityIdSchema, indicator: EntityIdSchema, field: z.enum(INDICATOR_FIELDS), value: z.string().check(z.maxLength(200_000)) }),
  z.strictObject({ project: EntityIdSchema, field: z.enum(PROJECT_FIELDS), value: z.union([z.string().check(z.maxLength(200_000)), z.number(), z.null()]) }),
  z.strictObject({ project: EntityIdSchema, insertAfter: z.nullable(EntityIdSchema), indicator: z.partial(z.omit(IndicatorSchema, { id: true })) }),
  z.strictObject({ project: EntityIdSchema, indicator: EntityIdSchema, delete: z.literal(true) }),
]);
export type NewSuggestion = z.infer<typeof NewSuggestionSchema>;

/** `POST /api/docs/:id/status`. */
export const StatusChangeSchema = z.strictObject({ status: z.enum(DOC_STATUSES), comment: z.optional(z.string().check(z.trim(), z.maxLength(10_000))) });

/** `PUT /api/docs/:id/members/:sub`. */
export const MemberInputSchema = z.strictObject({ role: z.enum(ROLES), name: z.string().check(z.trim(), z.minLength(1), z.maxLength(128)) });
