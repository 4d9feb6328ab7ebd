import type { Hocuspocus } from '@hocuspocus/server';
import { JixiaoError } from '../../shared/errors.ts';
import { encodeAccessMessage } from '../../shared/review/access-message.ts';
import { readReview, reviewDocName } from '../../shared/review/review-ydoc.ts';
import type { ReviewState } from '../../shared/review/review-types.ts';
import { canEditContent, hasRole, type Role } from '../../shared/review/workflow.ts';
import type { Identity } from '../auth/tokens.ts';
import type { CollabContext } from '../collab-context.ts';
import type { DocService } from '../docs/doc-service.ts';

/** The role a person has on one document: the owner's per-document grant, else the token's role. */
export function effectiveRole(identity: Identity, review: Pick<ReviewState, 'members'>): Role {
  return review.members[identity.sub]?.role ?? identity.role;
}

/**
 * Decides what each person may do with a document, from the verified token and the document's
 * membership and status, and pushes changes of that decision to open connections at once.
 */
export class AccessService {
  private readonly docs: DocService;
  private readonly hocuspocus: Hocuspocus;

  constructor(docs: DocService, hocuspocus: Hocuspocus) {
    this.docs = docs;
    this.hocuspocus = hocuspocus;
  }

  /** The review state (status, members, threads …) of a document; NOT_FOUND if none. */
  review(docId: string): Promise<ReviewState> {
    return this.docs.read(reviewDocName(docId), readReview);
  }

  /** The person's role on the document, checked against `allowed`; FORBIDDEN otherwise. */
  async require(docId: string, identity: Identity, allowed: readonly Role[]): Promise<{ role: Role; review: ReviewState }> {
    const review = await this.review(docId);
    const role = effectiveRole(identity, review);
    if (!hasRole(role, allowed)) throw forbidden();
    return { role, review };
  }

  /**
   * Re-evaluates every open connection of the document after its status or membership changed:
   * flips read-only, updates the role shown in presence, and tells the client (stateless
   * `{"type":"access", role, readOnly, status}`) so its UI locks or unlocks at once.
   */
  async refresh(docId: string): Promise<void> {
    const doc = this.hocuspocus.documents.get(docId);
    if (!doc) return;
    const review = await this.review(docId);
    for (const connection of doc.getConnections()) {
      const context = connection.context as CollabContext | undefined;
      if (!context?.user) continue;
      const role = effectiveRole(context.user, review);
      const readOnly = !canEditContent(role, review.status);
      connection.readOnly = readOnly;
      context.user = { ...context.user, role };
      connection.sendStateless(encodeAccessMessage({ role, readOnly, status: review.status }));
    }
  }
}

/**
 * Throws FORBIDDEN unless the token's own role is one of `roles`: for actions that concern no one
 * document yet (creating or importing one); per-document actions use {@link AccessService.require}.
 */
export function requireRole(identity: Identity, roles: readonly Role[]): void {
  if (!hasRole(identity.role, roles)) throw forbidden();
}

/** The error for a role that may not do something. */
export function forbidden(zh = '当前角色无权执行此操作', en = 'Your role may not do this'): JixiaoError {
  return new JixiaoError({ code: 'FORBIDDEN', zh, en });
}
