import type { Extension, beforeHandleMessagePayload, beforeSyncPayload, connectedPayload, onDisconnectPayload } from '@hocuspocus/server';
import { CLOSE_CODES, type LimitName } from '../../shared/limits.ts';
import type { CollabContext } from '../collab-context.ts';
import { inspectUpdate } from '../collab/inspect-update.ts';
import { MAX_TEXT_CHARS, wouldOverflowText } from '../collab/text-length-guard.ts';
import { refuseConnection } from '../collab/refuse-connection.ts';
import { TokenBuckets } from '../collab/token-bucket.ts';
import { SYNC_STEP1, SYNC_STEP2, SYNC_UPDATE } from './update-gate-extension.ts';
import { ExpirySweep } from '../auth/expiry-sweep.ts';

/** SyncStep1 messages one connection may send: a burst, then one per 1 / perSecond seconds. */
export const STATE_REQUESTS = { burst: 5, perSecond: 0.1 } as const;

/**
 * Keeps one person from degrading everyone else, and identity true for a socket's whole life.
 * Before anything is applied: an expired token closes the socket (4401, the client refreshes and
 * reconnects with its edits intact); a read-only connection that sends content is closed (4405);
 * any content sent while the document's status changes closes it too (4409, see WorkflowService);
 * a person who floods updates is closed (4429); an update that is malformed (4400) or would make
 * the document too large (4413) is refused. Each refusal logs one line.
 */
export class SocketGuardExtension implements Extension {
  priority = 150;
  private readonly limits: Record<LimitName, number>;
  private readonly hasRoom: (documentName: string, incoming: number) => boolean | Promise<boolean>;
  private readonly buckets: TokenBuckets;
  /** Requests for the document's state (SyncStep1) per connection: see {@link STATE_REQUESTS}. */
  private readonly stateRequests = new TokenBuckets<object>(STATE_REQUESTS.perSecond, STATE_REQUESTS.burst, new WeakMap());
  /** Sockets with an expiring token, closed by one sweep a second. */
  private readonly expiries = new ExpirySweep();
  private readonly held: (documentName: string) => boolean;

  /**
   * `hasRoom` tells whether a document's stored state can take `incoming` more bytes; `held`
   * whether its content is held still while its status changes (DocWrites).
   */
  constructor(limits: Record<LimitName, number>, hasRoom: (documentName: string, incoming: number) => boolean | Promise<boolean>, held: (documentName: string) => boolean = () => false) {
    this.limits = limits;
    this.hasRoom = hasRoom;
    this.held = held;
    this.buckets = new TokenBuckets(limits.updatesPerSecond, limits.updateBurst);
  }

  async connected({ connection, context, socketId, documentName }: connectedPayload<CollabContext>): Promise<void> {
    if (!context.expiresAt) return;
    // An idle socket would otherwise keep receiving a colleague's edits after the token expired.
    // Messages after expiry are refused at once, in beforeHandleMessage.
    this.expiries.add(`${socketId}\0${documentName}`, context.expiresAt * 1000, () => {
      console.warn(`jixiao: closed the socket of ${context.user.sub}: token expired`);
      connection.webSocket.close(CLOSE_CODES.TOKEN_EXPIRED.code, CLOSE_CODES.TOKEN_EXPIRED.reason);
    });
  }

  async onDisconnect({ socketId, documentName }: onDisconnectPayload): Promise<void> {
    this.expiries.remove(`${socketId}\0${documentName}`);
  }

  async onDestroy(): Promise<void> {
    this.expiries.clear();
  }

  async beforeHandleMessage({ connection, context }: beforeHandleMessagePayload<CollabContext>): Promise<void> {
    if (context.expiresAt && Date.now() >= context.expiresAt * 1000) {
      refuseConnection(connection, CLOSE_CODES.TOKEN_EXPIRED, `message from ${context.user.sub} after its token expired`);
    }
  }

  /** The guard's step of every incoming update (UpdateGateExtension); waits only to compact for room. */
  checkUpdate({ type, payload, connection, context, document, documentName }: beforeSyncPayload<CollabContext>): void | Promise<void> {
    if (type === SYNC_STEP1) return this.checkStateRequest(connection, context.user.sub);
    if (type !== SYNC_STEP2 && type !== SYNC_UPDATE) return;
    // An empty update (no structs, no deletions) is two zero bytes: nothing to check.
    if (payload.length === 2 && payload[0] === 0 && payload[1] === 0) return;
    const who = context.user.sub;
    if (connection.readOnly) {
      // A read-only client's UI never sends content; Hocuspocus would spend a snapshot check on it.
      if (type === SYNC_UPDATE) this.refuse(connection, who, CLOSE_CODES.READ_ONLY, 'read-only connection sent an update');
      return;
    }
    // A submission takes its version of what the document holds now: nothing may come in between.
    // The client reconnects and sends its edits again, to whatever the new status allows.
    if (this.held(documentName)) this.refuse(connection, who, CLOSE_CODES.STATUS_CHANGING, 'content while the document’s status changes');
    if (type === SYNC_UPDATE && !this.buckets.take(who)) this.refuse(connection, who, CLOSE_CODES.RATE_LIMITED, 'update rate limit exceeded');
    if (payload.length > this.limits.maxUpdateBytes) this.refuse(connection, who, CLOSE_CODES.DOCUMENT_TOO_LARGE, `update of ${payload.length} bytes`);
    const shape = inspectUpdate(payload);
    if (!shape) return this.refuse(connection, who, CLOSE_CODES.MALFORMED_UPDATE, 'malformed update');
    if (wouldOverflowText(document, payload, shape.insertedChars)) {
      this.refuse(connection, who, CLOSE_CODES.DOCUMENT_TOO_LARGE, `update of ${shape.insertedChars} characters would make a text longer than ${MAX_TEXT_CHARS}`);
    }
    const answer = this.hasRoom(documentName, payload.length);
    const decide = (room: boolean | null) => {
      if (room === null) this.refuse(connection, who, CLOSE_CODES.STORAGE_FAILED, `could not compact ${documentName} to make room`);
      if (!room) this.refuse(connection, who, CLOSE_CODES.DOCUMENT_TOO_LARGE, `${documentName} would exceed ${this.limits.maxDocumentBytes} bytes`);
    };
    if (typeof answer === 'boolean') return decide(answer);
    return answer.catch(() => null).then(decide);
  }

  /**
   * A SyncStep1 makes the server encode what the sender lacks, up to the whole document (8–16 ms
   * and ~470 KB for a 50-project text), from a request of a few bytes. A provider sends one per
   * connection (and one more when it finds a browser copy late); a flood of them is refused, and
   * so is any request from a socket that leaves more than two documents' worth of answers unread.
   */
  private checkStateRequest(connection: beforeSyncPayload['connection'], who: string): void {
    const unread = (connection.webSocket as { bufferedAmount?: number }).bufferedAmount ?? 0;
    if (unread > 2 * this.limits.maxDocumentBytes) this.refuse(connection, who, CLOSE_CODES.RATE_LIMITED, `asked for the document with ${unread} bytes still unread`);
    if (!this.stateRequests.take(connection)) this.refuse(connection, who, CLOSE_CODES.RATE_LIMITED, 'asked for the whole document too often');
  }

  private refuse(connection: beforeSyncPayload['connection'], who: string, close: (typeof CLOSE_CODES)[keyof typeof CLOSE_CODES], why: string): never {
    return refuseConnection(connection, close, `update from ${who}: ${why}`);
  }
}
