import { z } from 'zod';
import { PROJECT_FIELDS } from '../model/project-fields.ts';
import { DOC_STATUSES, ROLES } from './workflow.ts';
import { EntityIdSchema, IndicatorSchema, INDICATOR_FIELDS, OVERVIEW_SECTIONS } from '../model/budget-text-schema.ts';

const CommentText = z.string().trim().min(1, '评论不能为空 / comment is empty').max(10_000);

/** Where a thread is anchored, as the API receives it. */
export const AnchorInputSchema = z.union([
  z.strictObject({ project: EntityIdSchema, indicator: EntityIdSchema, field: z.enum(INDICATOR_FIELDS) }),
  z.strictObject({ project: EntityIdSchema, field: z.enum(PROJECT_FIELDS) }),
  z.strictObject({ section: z.enum(OVERVIEW_SECTIONS), from: z.number().int().min(0), to: z.number().int().min(0) }),
  z.strictObject({ section: z.enum(['purpose', 'goal']), project: EntityIdSchema, from: z.number().int().min(0), to: z.number().int().min(0) }),
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
  z.strictObject({ project: EntityIdSchema, indicator: EntityIdSchema, field: z.enum(INDICATOR_FIELDS), value: z.string().max(200_000) }),
  z.strictObject({ project: EntityIdSchema, field: z.enum(PROJECT_FIELDS), value: z.union([z.string().max(200_000), z.number().finite(), z.null()]) }),
  z.strictObject({ project: EntityIdSchema, insertAfter: EntityIdSchema.nullable(), indicator: IndicatorSchema.omit({ id: true }).partial() }),
  z.strictObject({ project: EntityIdSchema, indicator: EntityIdSchema, delete: z.literal(true) }),
]);
export type NewSuggestion = z.infer<typeof NewSuggestionSchema>;

/** `POST /api/docs/:id/status`. */
export const StatusChangeSchema = z.strictObject({ status: z.enum(DOC_STATUSES), comment: z.string().trim().max(10_000).optional() });

/** `PUT /api/docs/:id/members/:sub`. */
export const MemberInputSchema = z.strictObject({ role: z.enum(ROLES), name: z.string().trim().min(1).max(128) });
