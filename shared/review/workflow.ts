/*
 * The review workflow, written once for the server (which enforces it) and the client (which
 * offers only what the server will accept). Roles are strings at the call sites because a role
 * arrives from tokens, membership and stateless messages; a role not listed here may do nothing.
 */

/** Roles a person can have, across the deployment (token) or on one document (membership). */
export const ROLES = ['owner', 'editor', 'reviewer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Workflow status of a document: 草稿 → 已提交 → 退回修改 → 草稿 … → 已审定. */
export const DOC_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type DocStatus = (typeof DOC_STATUSES)[number];

/** Status names for version labels and messages. */
export const STATUS_LABELS: Readonly<Record<DocStatus, string>> = { draft: '草稿', submitted: '已提交', returned: '退回修改', approved: '已审定' };

/** Roles that write content (in an editable status), create documents, save and restore versions. */
export const CONTENT_EDITORS: readonly Role[] = ['owner', 'editor'];
/** Roles that write comments and suggestions; viewers only read. */
export const COMMENTERS: readonly Role[] = ['owner', 'editor', 'reviewer'];
/** Roles that give others a role on a document. */
export const MEMBER_MANAGERS: readonly Role[] = ['owner'];

/** Who may move a document from one status to another. */
const TRANSITIONS: Readonly<Record<DocStatus, Partial<Record<DocStatus, readonly Role[]>>>> = {
  draft: { submitted: ['owner', 'editor'] },
  returned: { submitted: ['owner', 'editor'], draft: ['owner', 'editor'] },
  // Separation of duties: the reviewing side returns and approves, never the side that wrote it;
  // the submitter may withdraw (back to draft) while it waits. Who submitted is checked by the server.
  submitted: { draft: ['owner', 'editor'], returned: ['reviewer'], approved: ['reviewer'] },
  approved: {},
};

/** Whether `role` is one of `roles` (false for a role this module does not know). */
export function hasRole(role: string, roles: readonly Role[]): boolean {
  return (roles as readonly string[]).includes(role);
}

/** The roles that may move a document from `from` to `to`; null when that move does not exist. */
export function transitionRoles(from: DocStatus, to: DocStatus): readonly Role[] | null {
  return TRANSITIONS[from][to] ?? null;
}

/** The statuses `role` may move a document in `status` to, in the order the status bar offers them. */
export function allowedTransitions(role: string, status: DocStatus): DocStatus[] {
  return (Object.entries(TRANSITIONS[status]) as Array<[DocStatus, readonly Role[]]>).filter(([, roles]) => hasRole(role, roles)).map(([to]) => to);
}

/** Whether `role` may change the content while the document has `status`. */
export function canEditContent(role: string, status: DocStatus): boolean {
  return hasRole(role, CONTENT_EDITORS) && (status === 'draft' || status === 'returned');
}

/** Whether `role` may write comments. */
export function canComment(role: string): boolean {
  return hasRole(role, COMMENTERS);
}

/** Whether `role` may propose changes while the document has `status`. */
export function canSuggest(role: string, status: DocStatus): boolean {
  return canComment(role) && status !== 'approved';
}

/** Whether `role` may accept or reject suggestions (accepting also needs {@link canEditContent}). */
export function canDecideSuggestions(role: string): boolean {
  return hasRole(role, CONTENT_EDITORS);
}

/** Why the content is read-only for this user, most important reason first. */
export type ReadonlyReason = 'approved' | 'submitted' | 'reviewer' | 'viewer' | 'other';

/**
 * Why content is read-only for `role` in `status`, given what the server enforces (`readonly`);
 * null when the user may edit.
 */
export function readonlyReason(role: string, status: DocStatus, readonly: boolean): ReadonlyReason | null {
  if (!readonly) return null;
  if (status === 'approved') return 'approved';
  if (status === 'submitted') return 'submitted';
  if (role === 'reviewer' || role === 'viewer') return role;
  return 'other';
}

/** What the withdraw rule reads of a document's review: its status, the activity log, comments and suggestions. */
export interface WithdrawContext {
  status: DocStatus;
  activity: ReadonlyArray<{ at: string; user: { sub: string }; action: string; to?: string }>;
  /** Every comment and suggestion: who wrote it and when (ISO time). */
  reviewActs: ReadonlyArray<{ at: string; by: string }>;
}

/**
 * 撤回: whether `sub` may take a submission back to 草稿 (`POST …/status {"status":"draft"}`): the
 * document is still 已提交, `sub` is the one who submitted it, and no one else has commented or
 * suggested since (a return or an approval would have changed the status already).
 */
export function canWithdraw(sub: string, ctx: WithdrawContext): boolean {
  if (ctx.status !== 'submitted') return false;
  const submit = ctx.activity.findLast((a) => a.action === 'status' && a.to === 'submitted');
  if (!submit || submit.user.sub !== sub) return false;
  return !ctx.reviewActs.some((act) => act.by !== sub && act.at >= submit.at);
}

/** A comment or suggestion as the withdraw rule reads it. */
interface Authored {
  at: string;
  author: { sub: string };
}

/** The withdraw rule's view of a review state: its comments and suggestions as acts by whom, when. */
export function withdrawContext(review: {
  status: DocStatus;
  activity: WithdrawContext['activity'];
  threads: ReadonlyArray<{ comments: ReadonlyArray<Authored> }>;
  suggestions: ReadonlyArray<Authored>;
}): WithdrawContext {
  const reviewActs = [
    ...review.threads.flatMap((t) => t.comments.map((c) => ({ at: c.at, by: c.author.sub }))),
    ...review.suggestions.map((s) => ({ at: s.at, by: s.author.sub })),
  ];
  return { status: review.status, activity: review.activity, reviewActs };
}
