import { OVERVIEW_SECTIONS } from '../../shared/model/budget-text-schema.ts';
import { z } from 'zod/mini';
import { DOC_STATUSES } from '../../shared/review/workflow.ts';
import { ActivitySchema, SuggestionSchema, ThreadSchema } from '../../shared/review/review-types.ts';

/** Where a thread's anchor points now (`anchorState` of `GET /api/docs/:id/comments`). */
const AnchorStateSchema = z.object({
  detached: z.boolean(),
  from: z.optional(z.number()),
  to: z.optional(z.number()),
  text: z.optional(z.string()),
});
export type AnchorState = z.infer<typeof AnchorStateSchema>;

/** One thread of `GET /api/docs/:id/comments`. */
export const ThreadViewSchema = z.extend(ThreadSchema, { anchorState: AnchorStateSchema });
export type ThreadView = z.infer<typeof ThreadViewSchema>;

/** One suggestion of `GET /api/docs/:id/suggestions`; `stale`: its target changed since. */
export const SuggestionViewSchema = z.extend(SuggestionSchema, { stale: z.boolean() });
export type SuggestionView = z.infer<typeof SuggestionViewSchema>;

/** Answer of `GET /api/docs/:id/access`: the caller's role on the document, its status and the activity log. */
export const AccessAnswerSchema = z.object({
  role: z.string(),
  status: z.enum(DOC_STATUSES),
  activity: z.array(ActivitySchema),
  /** People beyond the members who may be @mentioned: those of the organisations that reach the document. */
  people: z._default(z.array(z.object({ sub: z.string(), name: z.string() })), []),
});
export type AccessAnswer = z.infer<typeof AccessAnswerSchema>;

/** One entry of `GET /api/docs/:id/members`. */
export const MemberRowSchema = z.object({ sub: z.string(), role: z.string(), name: z.string() });
export type MemberRow = z.infer<typeof MemberRowSchema>;

/** One entry of `GET /api/docs/:id/grants`: a person's edit rights. */
export const GrantRowSchema = z.object({ sub: z.string(), projects: z.array(z.string()), money: z.boolean(), sections: z.array(z.enum(OVERVIEW_SECTIONS)) });
export type GrantRow = z.infer<typeof GrantRowSchema>;
/** One entry of `GET /api/docs/:id/people`: someone who may be @mentioned, with the pinyin initials of their name. */
export const MentionCandidateSchema = z.object({ sub: z.string(), name: z.string(), initials: z.string() });
export type MentionCandidate = z.infer<typeof MentionCandidateSchema>;

/** Answer of `POST /api/docs/:id/status`. */
export const StatusAnswerSchema = z.object({ status: z.enum(DOC_STATUSES), versionId: z.string() });

/** Answer of `POST …/suggestions/accept-all`: ids applied, and ids refused as stale. */
export const AcceptAllAnswerSchema = z.object({ accepted: z.array(z.string()), stale: z.array(z.string()) });
export type AcceptAllAnswer = z.infer<typeof AcceptAllAnswerSchema>;

/** A validation finding as the server sends it (the fix left out: the client applies none from here). */
const FindingSchema = z.object({
  ruleId: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  scope: z.enum(['document', 'project', 'row', 'cell']),
  place: z.object({ project: z.optional(z.string()), indicator: z.optional(z.string()), field: z.optional(z.string()) }),
  zh: z.string(),
  en: z.string(),
});

/** `details` of the 409 a refused submit answers: the errors that block it. */
export const BlockingFindingsSchema = z.object({ findings: z.array(FindingSchema) });
