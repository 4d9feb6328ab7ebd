import type { Extension, beforeHandleAwarenessPayload, beforeSyncPayload } from '@hocuspocus/server';
import { inspectUpdate } from '../collab/inspect-update.ts';
import { CLOSE_CODES } from '../../shared/limits.ts';
import type { CollabContext } from '../collab-context.ts';
import type { ClientIdRegistry } from '../collab/client-id-registry.ts';
import { refuseConnection } from '../collab/refuse-connection.ts';
import { holdUntilWritten } from '../collab/pending-bindings.ts';
import { bringsContent } from './update-gate-extension.ts';
import { TokenBuckets } from '../collab/token-bucket.ts';

/** How many new client ids one person may bring: a burst, then so many an hour (shared/limits.ts). */
export interface NewClientIdBudget {
  burst: number;
  perHour: number;
}

/**
 * Yjs client ids belong to people. An update whose structs carry a client id that another person
 * used (now or in any earlier session) is refused and its socket closed (4403) before anything is
 * applied: otherwise a writer could squat a colleague's id at future clocks and the colleague's
 * real edits would be dropped as duplicates. Awareness is bound the same way, so nobody can
 * replace a colleague's presence. Runs after the structural checks of the socket guard.
 */
export class ClientIdExtension implements Extension {
  priority = 140;
  private readonly registry: ClientIdRegistry;
  /**
   * New ids per person. Every edit of a document costs Yjs time per client id the document ever
   * had, and one update of 4 MiB can carry 500,000 of them: a person bringing more than a browser
   * visit would is refused (4429), before anything is bound or stored.
   */
  private readonly newIds: TokenBuckets;

  constructor(registry: ClientIdRegistry, budget: NewClientIdBudget) {
    this.registry = registry;
    this.newIds = new TokenBuckets(budget.perHour / 3600, budget.burst);
  }

  /** The client-id step of every incoming update (UpdateGateExtension); waits only when an id is new. */
  checkUpdate(update: beforeSyncPayload<CollabContext>): void | Promise<void> {
    if (!bringsContent(update)) return;
    const { payload, connection, context } = update;
    const sub = context.user.sub;
    // The socket guard (earlier) decoded this very payload already: the decode is reused.
    const shape = inspectUpdate(payload);
    if (!shape) return refuseConnection(connection, CLOSE_CODES.MALFORMED_UPDATE, `update from ${sub}: malformed update`);
    const unknown = this.registry.countNotBoundTo(shape.clients, sub);
    // The usual case, every id already this person's: nothing to read, write or wait for.
    if (unknown === 0) return;
    if (!this.newIds.takeMany(sub, unknown)) {
      return refuseConnection(connection, CLOSE_CODES.RATE_LIMITED, `update from ${sub}: ${unknown} new client ids, more than one person may bring now`);
    }
    return this.claimForUpdate(connection, payload, shape.clients, sub);
  }

  private async claimForUpdate(connection: beforeSyncPayload['connection'], payload: Uint8Array, ids: readonly number[], sub: string): Promise<void> {
    let claimed: { taken: number | null; written: Promise<void> | null };
    try {
      claimed = await this.registry.claimForUpdate(ids, sub);
    } catch {
      return refuseConnection(connection, CLOSE_CODES.STORAGE_FAILED, `could not record the client ids of ${sub}`);
    }
    if (claimed.taken !== null) {
      return refuseConnection(connection, CLOSE_CODES.CLIENT_ID_TAKEN, `update from ${sub}: client id ${claimed.taken} belongs to another person`);
    }
    // The new bindings are synced with the update's own append (persistence-extension.ts).
    if (claimed.written) holdUntilWritten(payload, claimed.written);
  }

  async beforeHandleAwareness({ states, connection, context }: beforeHandleAwarenessPayload<CollabContext>): Promise<void> {
    if (!connection || !context?.user) return;
    // AuthExtension (higher priority, so earlier) has already dropped the scratch entry and
    // every id but the one this connection is pinned to.
    const ids = [...states.keys()];
    const taken = await this.claim(connection, ids, context.user.sub);
    if (taken !== null) {
      refuseConnection(connection, CLOSE_CODES.CLIENT_ID_TAKEN, `presence from ${context.user.sub}: client id ${taken} belongs to another person`);
    }
  }

  /** Claims `ids`; a store that cannot record a new binding closes the socket unacknowledged (4500). */
  private async claim(connection: beforeSyncPayload['connection'], ids: Iterable<number>, sub: string): Promise<number | null> {
    try {
      return await this.registry.claim(ids, sub);
    } catch {
      return refuseConnection(connection, CLOSE_CODES.STORAGE_FAILED, `could not record the client ids of ${sub}`);
    }
  }
}
