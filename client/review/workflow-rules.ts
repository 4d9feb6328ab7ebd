import type { DocStatus } from '../../shared/review/review-schema.ts';

/*
 * What each role may do in each status, as the server decides it (server/review/*): the client
 * only uses this to offer the actions that will be accepted; the server checks again.
 */

/** Who may move a document from one status to another. */
const TRANSITIONS: Record<DocStatus, Partial<Record<DocStatus, readonly string[]>>> = {
  draft: { submitted: ['owner', 'editor'] },
  returned: { submitted: ['owner', 'editor'], draft: ['owner', 'editor'] },
  submitted: { returned: ['reviewer', 'owner'], approved: ['owner'] },
  approved: {},
};

/** The statuses `role` may move a document in `status` to, in the order the status bar offers them. */
export function allowedTransitions(role: string, status: DocStatus): DocStatus[] {
  return (Object.entries(TRANSITIONS[status]) as Array<[DocStatus, readonly string[]]>).filter(([, roles]) => roles.includes(role)).map(([to]) => to);
}

/** Whether `role` may change the content while the document has `status`. */
export function canEditContent(role: string, status: DocStatus): boolean {
  return (role === 'owner' || role === 'editor') && (status === 'draft' || status === 'returned');
}

/** Whether `role` may write comments. */
export function canComment(role: string): boolean {
  return role === 'owner' || role === 'editor' || role === 'reviewer';
}

/** Whether `role` may propose changes while the document has `status`. */
export function canSuggest(role: string, status: DocStatus): boolean {
  return canComment(role) && status !== 'approved';
}

/** Whether `role` may accept or reject suggestions (accepting also needs {@link canEditContent}). */
export function canDecideSuggestions(role: string): boolean {
  return role === 'owner' || role === 'editor';
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
