import { z } from 'zod/mini';
import '../zod-english.ts';
import { ROLES, type DocStatus } from './workflow.ts';
import { PROJECT_FIELDS } from '../model/project-fields.ts';
import { INDICATOR_FIELDS, OVERVIEW_SECTIONS } from '../model/budget-text-schema.ts';

/*
 * Shapes of the review document (`<docId>.review`), written only by the server and read by
 * everyone. Values are parsed on read, so a stray or hostile field never reaches the UI.
 */

const Person = z.object({ sub: z.string(), name: z.string() });
type Person = z.infer<typeof Person>;
const Json = z.unknown();

/** A thread's anchor as stored: text ranges keep Yjs relative positions so they survive typing. */
const StoredAnchorSchema = z.union([
  z.object({ kind: z.literal('cell'), project: z.string(), indicator: z.string(), field: z.enum(INDICATOR_FIELDS) }),
  z.object({ kind: z.literal('header'), project: z.string(), field: z.enum(PROJECT_FIELDS) }),
  z.object({ kind: z.literal('text'), section: z.enum([...OVERVIEW_SECTIONS, 'purpose', 'goal']), project: z.optional(z.string()), from: Json, to: Json, quote: z.string() }),
  z.object({ kind: z.literal('project'), project: z.string() }),
  z.object({ kind: z.literal('document') }),
]);
export type StoredAnchor = z.infer<typeof StoredAnchorSchema>;

/** One comment of a thread. */
const CommentSchema = z.object({
  id: z.string(),
  author: Person,
  at: z.string(),
  text: z.string(),
  mentions: z.array(z.string()),
  editedAt: z.optional(z.string()),
  deleted: z.optional(z.boolean()),
});
export type Comment = z.infer<typeof CommentSchema>;

/** A comment thread. */
export const ThreadSchema = z.object({
  id: z.string(),
  anchor: StoredAnchorSchema,
  status: z.enum(['open', 'resolved']),
  createdAt: z.string(),
  author: Person,
  resolvedBy: z.optional(Person),
  resolvedAt: z.optional(z.string()),
  comments: z.array(CommentSchema),
});
export type Thread = z.infer<typeof ThreadSchema>;

/** A proposed change; `base` is the value it was proposed against (to detect staleness). */
export const SuggestionSchema = z.object({
  id: z.string(),
  author: Person,
  at: z.string(),
  status: z.enum(['open', 'accepted', 'rejected']),
  kind: z.enum(['cell', 'header', 'insert', 'delete']),
  project: z.string(),
  indicator: z.optional(z.string()),
  field: z.optional(z.string()),
  value: z.optional(z.union([z.string(), z.number(), z.null()])),
  base: z.optional(z.union([z.string(), z.number(), z.null()])),
  insertAfter: z.optional(z.nullable(z.string())),
  row: z.optional(z.record(z.string(), z.string())),
  decidedBy: z.optional(Person),
  decidedAt: z.optional(z.string()),
  /** Id of the row an accepted insert created. */
  createdIndicator: z.optional(z.string()),
});
export type Suggestion = z.infer<typeof SuggestionSchema>;

/** One line of the activity log. */
export const ActivitySchema = z.object({
  at: z.string(),
  user: Person,
  action: z.enum(['status', 'member-set', 'member-removed', 'created', 'grant-set', 'grant-removed', 'transfer']),
  from: z.optional(z.string()),
  to: z.optional(z.string()),
  subject: z.optional(z.string()),
  comment: z.optional(z.string()),
  versionId: z.optional(z.string()),
});
export type Activity = z.infer<typeof ActivitySchema>;

/** A per-document role given by the owner; it takes precedence over the token's role. */
export const MemberSchema = z.object({ role: z.enum(ROLES), name: z.string() });
export type Member = z.infer<typeof MemberSchema>;

/** Everything the review document holds. */
export interface ReviewState {
  status: DocStatus;
  members: Record<string, Member>;
  threads: Thread[];
  suggestions: Suggestion[];
  activity: Activity[];
}
