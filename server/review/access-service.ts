import type { Hocuspocus } from '@hocuspocus/server';
import { JixiaoError } from '../../shared/errors.ts';
import { CLOSE_CODES } from '../../shared/limits.ts';
import { mayEdit, type EditTarget, type GrantView } from '../../shared/access/grants.ts';
import { projectsMap } from '../../shared/model/ydoc-layout.ts';
import { encodeAccessMessage } from '../../shared/review/access-message.ts';
import { readReview, reviewDocName } from '../../shared/review/review-ydoc.ts';
import type { ReviewState } from '../../shared/review/review-types.ts';
import { canEditContent, hasRole, type Role } from '../../shared/review/workflow.ts';
import type { Identity } from '../auth/tokens.ts';
import type { CollabContext } from '../collab-context.ts';
import { notFound, type DocService } from '../docs/doc-service.ts';
import type { OrgService } from '../orgs/org-service.ts';
import type { DocWrites } from '../collab/doc-writes.ts';
import { effectiveRole } from '../orgs/reach.ts';

/**
 * Decides what each person may do with a document, from the verified token, the document's
 * organisation, membership, grants and status, and pushes changes of that decision to open
 * connections at once.
 */
export class AccessService {
  private readonly docs: DocService;
  private readonly hocuspocus: Hocuspocus;
  /** The organisations and grants behind every decision. */
  readonly orgs: OrgService;
  /** The content writes under way (read-only flips between them). */
  private readonly writes: DocWrites;

  constructor(docs: DocService, hocuspocus: Hocuspocus, orgs: OrgService, writes: DocWrites) {
    this.docs = docs;
    this.hocuspocus = hocuspocus;
    this.orgs = orgs;
    this.writes = writes;
  }

  /** The review state (status, members, threads …) of a document; NOT_FOUND if none. */
  async review(docId: string): Promise<ReviewState> {
    try {
      return await this.docs.read(reviewDocName(docId), readReview);
    } catch (error) {
      // The error names the document the caller asked for, not its internal review document.
      if (error instanceof JixiaoError && error.code === 'NOT_FOUND') throw notFound(docId);
      throw error;
    }
  }

  /**
   * The person's role on a document they can reach; NOT_FOUND — exactly as for a document that
   * does not exist — when they cannot, or have no role there (an admin not given one).
   */
  async roleOn(docId: string, identity: Identity): Promise<{ role: Role; review: ReviewState }> {
    if (!(await this.orgs.reaches(identity, docId))) throw notFound(docId);
    const review = await this.review(docId);
    const role = effectiveRole(identity, review, await this.orgs.owner(docId));
    if (role === null) throw notFound(docId);
    return { role, review };
  }

  /** The person's role on the document, checked against `allowed`; NOT_FOUND out of reach, FORBIDDEN otherwise. */
  async require(docId: string, identity: Identity, allowed: readonly Role[]): Promise<{ role: Role; review: ReviewState }> {
    const found = await this.roleOn(docId, identity);
    if (!hasRole(found.role, allowed)) throw forbidden();
    return found;
  }

  /**
   * Runs an API change of the document's content, from its checks to its apply, as one write a
   * status change waits for; 409 while one is under way (DocWrites.during).
   */
  writingContent<T>(docId: string, fn: () => Promise<T>): Promise<T> {
    return this.writes.during(docId, fn);
  }

  /** The ids of a document's projects. */
  projectIds(docId: string): Promise<Set<string>> {
    return this.docs.read(docId, (doc) => new Set(projectsMap(doc).keys()));
  }

  /** Throws FORBIDDEN unless `identity` (with `role`) may change every one of `targets` under the document's grants. */
  async requireEdit(docId: string, identity: Identity, role: Role, targets: readonly EditTarget[]): Promise<void> {
    const view = await this.orgs.grantView(docId, identity.sub);
    if (targets.some((t) => !mayEdit(role, view, t))) throw forbidden('超出您的编辑范围', 'Outside the projects you may edit');
  }

  /**
   * Re-evaluates every open connection of the document after its status, membership or grants
   * changed: flips read-only, updates the role shown in presence, and tells the client
   * (stateless `{"type":"access", role, readOnly, status, grant}`) so its UI locks or unlocks at once.
   */
  async refresh(docId: string): Promise<void> {
    const doc = this.hocuspocus.documents.get(docId);
    const reviewDoc = this.hocuspocus.documents.get(reviewDocName(docId));
    if (!doc && !reviewDoc) return;
    const review = await this.review(docId);
    const owner = await this.orgs.owner(docId);
    // Whoever no longer reaches the document (moved, or an assignment narrowed) loses both sockets.
    const closed = new Set<string>();
    for (const connection of [...(doc?.getConnections() ?? []), ...(reviewDoc?.getConnections() ?? [])]) {
      const context = connection.context as CollabContext | undefined;
      if (!context?.identity) continue;
      if (!(await this.orgs.reaches(context.identity, docId)) || effectiveRole(context.identity, review, owner) === null) {
        connection.webSocket.close(CLOSE_CODES.NO_ACCESS.code, CLOSE_CODES.NO_ACCESS.reason);
        closed.add(context.identity.sub);
      }
    }
    const connections = doc?.getConnections() ?? [];
    const decided: Array<{ connection: (typeof connections)[number]; context: CollabContext; role: Role; view: GrantView }> = [];
    for (const connection of connections) {
      const context = connection.context as CollabContext | undefined;
      if (!context?.user || closed.has(context.identity.sub)) continue;
      const role = effectiveRole(context.identity, review, owner) ?? 'viewer';
      decided.push({ connection, context, role, view: await this.orgs.grantView(docId, context.user.sub) });
    }
    // Read-only flips only when no update of the document is between its checks and its apply:
    // Hocuspocus drops an update whose connection became read-only meanwhile, after it was stored.
    const release = await this.writes.quiet(docId);
    try {
      // The status as it is now: a status change may have landed since this refresh read it.
      const live = this.hocuspocus.documents.get(reviewDocName(docId));
      const status = live ? readReview(live).status : review.status;
      for (const { connection, context, role, view } of decided) {
        const readOnly = !canEditContent(role, status);
        connection.readOnly = readOnly;
        context.user = { ...context.user, role };
        connection.sendStateless(encodeAccessMessage({ role, readOnly, status, ...grantFields(view) }));
      }
    } finally {
      release();
    }
  }

  /** Re-evaluates every document `sub` has open here (after their assignment changed). */
  async refreshPerson(sub: string): Promise<void> {
    const open = new Set<string>();
    for (const [name, doc] of this.hocuspocus.documents) {
      if (doc.getConnections().some((c) => (c.context as CollabContext | undefined)?.identity?.sub === sub)) open.add(name.replace(/\.review$/, ''));
    }
    for (const docId of open) await this.refresh(docId);
  }
}

/** The grant fields of an access message. */
export function grantFields(view: GrantView): { grant: GrantView['mine'] | null; moneyReserved: boolean } {
  return { grant: view.mine ?? null, moneyReserved: view.moneyReserved };
}

/**
 * Throws FORBIDDEN unless the token's own role is one of `roles`: for actions that concern no one
 * document yet (creating or importing one); per-document actions use {@link AccessService.require}.
 */
export function requireRole(identity: Identity, roles: readonly string[]): void {
  if (!roles.includes(identity.role)) throw forbidden();
}

/** The error for a role that may not do something. */
export function forbidden(zh = '当前角色无权执行此操作', en = 'Your role may not do this'): JixiaoError {
  return new JixiaoError({ code: 'FORBIDDEN', zh, en });
}
