import type { Role } from '../../shared/review/workflow.ts';
import type { ReviewState } from '../../shared/review/review-types.ts';
import type { Identity } from '../auth/tokens.ts';
import type { Assignment, DocOwner } from '../storage/org-store.ts';

/**
 * Whether a person can see a document at all. A document without an organisation (a
 * single-organisation deployment, or one created before organisations) is seen by everyone; one
 * with an organisation by its own people and by the finance bureau of its region (narrowed to the
 * departments of the reviewer's assignment, when there is one). Everyone else gets 404.
 */
export function reachesDoc(identity: Identity, owner: DocOwner | null, assignment: Assignment | null): boolean {
  if (!owner) return true;
  if (!identity.org) return false;
  if (identity.org === owner.org) return true;
  if (identity.orgKind !== 'finance' || owner.orgKind !== 'department') return false;
  if (!identity.region || identity.region !== owner.region) return false;
  return !assignment || assignment.departments.includes(owner.org);
}

/**
 * The role a person has on one document, or null when they have none (an `admin` token reads no
 * content it was not given). A per-document membership comes first; a token's `owner` no longer
 * owns every document (it edits, as an editor, until a document's owners make it one). The
 * finance bureau reviews other organisations' documents: at most `reviewer` there.
 */
export function effectiveRole(identity: Identity, review: Pick<ReviewState, 'members'>, owner: DocOwner | null): Role | null {
  const member = review.members[identity.sub]?.role;
  const base: Role | null = member ?? (identity.role === 'admin' ? null : identity.role === 'owner' ? 'editor' : identity.role);
  if (base === null) return null;
  const foreignFinance = identity.orgKind === 'finance' && owner !== null && owner.org !== identity.org;
  return foreignFinance && base !== 'viewer' ? 'reviewer' : base;
}
