import type { Extension, beforeHandleAwarenessPayload, connectedPayload, onAuthenticatePayload, onConnectPayload } from '@hocuspocus/server';
import { isRestricted } from '../../shared/access/grants.ts';
import { encodeAccessMessage } from '../../shared/review/access-message.ts';
import { grantFields } from '../review/access-service.ts';
import { EntityIdSchema } from '../../shared/model/budget-text-schema.ts';
import { readReview, reviewDocName } from '../../shared/review/review-ydoc.ts';
import { colorForUser } from '../auth/demo-users.ts';
import { verifySession, type SigningKey } from '../auth/tokens.ts';
import type { CollabContext } from '../collab-context.ts';
import type { DocService } from '../docs/doc-service.ts';
import { canEditContent } from '../../shared/review/workflow.ts';
import { effectiveRole } from '../orgs/reach.ts';
import type { OrgService } from '../orgs/org-service.ts';
import type { DocStore } from '../storage/doc-store.ts';

/** Largest awareness state (JSON) one client may publish; a cursor and a name need far less. */
const MAX_AWARENESS_BYTES = 4_096;
/** Failed token checks one socket may make before it is refused for good. */
const MAX_AUTH_FAILURES = 5;
/** A budget document `<id>` or its review document `<id>.review`. */
const DOC_NAME = /^([A-Za-z0-9_-]{1,64})(\.review)?$/;

/**
 * Who may open which document. Verifies the JWT of every connection, refuses unknown or
 * malformed document names (never creates a document on demand), binds a socket opened at
 * `/collab/<id>` to that document (and its review document), decides read-only from the
 * person's role on this document and its workflow status, and rewrites each client's awareness
 * `user` from the verified identity so nobody can pose as someone else.
 */
export class AuthExtension implements Extension {
  priority = 200;
  private readonly key: SigningKey;
  private readonly store: DocStore;
  private readonly docs: () => DocService;
  private readonly orgs: OrgService;
  private readonly failures = new Map<string, number>();

  constructor(key: SigningKey, store: DocStore, docs: () => DocService, orgs: OrgService) {
    this.key = key;
    this.store = store;
    this.docs = docs;
    this.orgs = orgs;
  }

  async onConnect({ documentName, request }: onConnectPayload): Promise<void> {
    const match = DOC_NAME.exec(documentName);
    if (!match || !EntityIdSchema.safeParse(match[1]).success) throw denied('invalid-document-name');
    const urlDocId = docIdFromUrl(request.url);
    if (urlDocId !== undefined && urlDocId !== match[1]) throw denied('document-url-mismatch');
  }

  async onAuthenticate({ token, documentName, connectionConfig, socketId }: onAuthenticatePayload): Promise<CollabContext> {
    // Hocuspocus lets a socket retry authentication without limit; guessing tokens stops here.
    if ((this.failures.get(socketId) ?? 0) >= MAX_AUTH_FAILURES) throw denied('too-many-attempts');
    const { identity, expiresAt } = await verifySession(this.key, token).catch(() => {
      this.countFailure(socketId);
      throw denied('invalid-token');
    });
    const docId = DOC_NAME.exec(documentName)?.[1] ?? '';
    // Independent reads run together: each is a round trip to the store, and a cold open waits for all.
    const [meta, reviewMeta, reachable] = await Promise.all([this.store.getMeta(docId), this.store.getMeta(reviewDocName(docId)), this.orgs.reaches(identity, docId)]);
    if (!meta || !reviewMeta) throw denied('unknown-document');
    // Out of reach looks exactly like a document that does not exist, so existence never leaks.
    if (!reachable) throw denied('unknown-document');
    const [review, owner] = await Promise.all([this.docs().read(reviewDocName(docId), readReview), this.orgs.owner(docId)]);
    const role = effectiveRole(identity, review, owner);
    if (role === null) throw denied('unknown-document');
    await this.orgs.noteSeen(identity);
    // The review document is written only by the server, through the API.
    connectionConfig.readOnly = documentName !== docId || !canEditContent(role, review.status);
    // Every field from the start (awarenessClientId is set by the first awareness message): a
    // field added later gives contexts a second shape, and optimised code reading them bails out.
    return { user: { ...identity, role, color: colorForUser(identity.sub) }, identity, expiresAt, status: review.status, awarenessClientId: undefined };
  }

  async connected({ connection, context, documentName }: connectedPayload<CollabContext>): Promise<void> {
    if (connection.readOnly || documentName.endsWith('.review')) return;
    // Someone whose edits are limited learns their grant at once, so the client locks the rest
    // before they type into it; everyone else hears only of changes (AccessService.refresh).
    const view = await this.orgs.grantView(documentName, context.user.sub);
    if (!isRestricted(context.user.role, view)) return;
    connection.sendStateless(encodeAccessMessage({ role: context.user.role, readOnly: false, status: context.status ?? 'draft', ...grantFields(view) }));
  }

  private countFailure(socketId: string): void {
    if (this.failures.size > 10_000) this.failures.clear();
    this.failures.set(socketId, (this.failures.get(socketId) ?? 0) + 1);
  }

  async beforeHandleAwareness({ states, connection }: beforeHandleAwarenessPayload): Promise<void> {
    const context = connection?.context as CollabContext | undefined;
    if (!context?.user) return;
    // Hocuspocus decodes each message into a scratch Awareness whose own (empty) state comes
    // first; left in, it would be broadcast as a phantom user on every awareness message.
    const [scratchId] = states.keys();
    if (scratchId !== undefined) states.delete(scratchId);
    for (const [clientId, state] of states) {
      context.awarenessClientId ??= clientId;
      if (clientId !== context.awarenessClientId || JSON.stringify(state).length > MAX_AWARENESS_BYTES) {
        states.delete(clientId);
        continue;
      }
      if (state && typeof state === 'object') state['user'] = { ...context.user };
    }
  }
}

/**
 * A refusal the provider reports as `onAuthenticationFailed({ reason })`. Deliberately not an
 * Error: Hocuspocus logs every rejection that has a `message`, and a wrong token is routine.
 */
function denied(reason: 'invalid-token' | 'too-many-attempts' | 'unknown-document' | 'document-url-mismatch' | 'invalid-document-name'): { reason: string } {
  return { reason };
}

function docIdFromUrl(url: string): string | undefined {
  try {
    const match = /^\/collab\/([^/?#]+)\/?$/.exec(new URL(url, 'http://x').pathname);
    return match?.[1] ? decodeURIComponent(match[1]) : undefined;
  } catch {
    return undefined;
  }
}
