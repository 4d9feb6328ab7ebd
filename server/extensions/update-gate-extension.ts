import type { Extension, beforeSyncPayload } from '@hocuspocus/server';
import type { CollabContext } from '../collab-context.ts';
import type { DocWrites } from '../collab/doc-writes.ts';

/** y-protocols' SyncStep1: the sender's state vector, answered with what it lacks (SyncStep2). */
export const SYNC_STEP1 = 0;
/** The sync message types that carry content (y-protocols: SyncStep2, Update). */
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

/**
 * Whether a `beforeSync` payload brings content from a writable connection. The socket guard sees
 * every sync message (it refuses content from read-only connections); the later steps act on
 * nothing else.
 */
export function bringsContent({ type, payload, connection }: beforeSyncPayload): boolean {
  return (type === SYNC_STEP2 || type === SYNC_UPDATE) && !connection.readOnly && payload.length > 2;
}

/**
 * One step an incoming update passes before Hocuspocus applies it: returns nothing when it is
 * done at once, a promise when it has to wait, and throws (refuseConnection) to refuse.
 */
export type UpdateStep = (payload: beforeSyncPayload<CollabContext>) => void | Promise<void>;

/**
 * Every incoming update's checks and its synced append, in order, in one `beforeSync` hook: the
 * socket guard, the client-id check, the grant check, then the append (SocketGuardExtension,
 * ClientIdExtension, GrantCheck, PersistenceExtension). Only a step that has to wait is
 * awaited; the usual update waits for the append alone. As four extensions' hooks, Hocuspocus
 * chained two promise reactions and an async function per extension for every update (issue 15).
 * Each update counts as a write under way (DocWrites) from its first check until Hocuspocus may
 * apply it, so a status change can wait for it.
 */
export class UpdateGateExtension implements Extension {
  priority = 150;
  private readonly steps: readonly UpdateStep[];
  private readonly writes: DocWrites;

  constructor(steps: readonly UpdateStep[], writes: DocWrites) {
    this.steps = steps;
    this.writes = writes;
  }

  async beforeSync(payload: beforeSyncPayload<CollabContext>): Promise<void> {
    const name = payload.documentName;
    this.writes.enter(name);
    try {
      for (const step of this.steps) {
        const waiting = step(payload);
        if (waiting) await waiting;
      }
    } finally {
      this.writes.leave(name);
    }
  }
}
