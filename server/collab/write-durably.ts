import type { Hocuspocus } from '@hocuspocus/server';
import * as Y from 'yjs';
import { PRESTORED, type PersistenceExtension } from '../extensions/persistence-extension.ts';

/**
 * Makes a server-side change (review action, restore, accepted suggestion) durable before anyone
 * sees it: `fn` runs on a scratch copy of the live document, the resulting update is stored
 * (synced), and only then applied to the live document, so every open client receives it and
 * history attributes it to `context.user`. When the store fails this rejects with STORAGE_FAILED
 * (the API answers 503) and the live document, its clients and the log are unchanged.
 * It counts as a write under way (DocWrites) until it is applied.
 */
export async function writeDurably<T>(
  hocuspocus: Hocuspocus,
  persistence: PersistenceExtension,
  name: string,
  context: Record<string, unknown>,
  fn: (doc: Y.Doc) => T,
): Promise<T> {
  persistence.writes.enter(name);
  const connection = await hocuspocus.openDirectConnection(name, { ...context, [PRESTORED]: true }).catch((error: unknown) => {
    persistence.writes.leave(name);
    throw error;
  });
  try {
    const live = connection.document;
    if (!live) throw new Error(`document ${name} closed while writing`);
    const scratch = new Y.Doc({ gc: live.gc });
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(live));
    const updates: Uint8Array[] = [];
    scratch.on('update', (u: Uint8Array) => updates.push(u));
    let result: T | undefined;
    scratch.transact(() => {
      result = fn(scratch);
    });
    scratch.destroy();
    if (updates.length) {
      const update = Y.mergeUpdates(updates);
      await persistence.storeServerUpdate(name, update, context);
      await connection.transact((doc) => Y.applyUpdate(doc, update));
    }
    return result as T;
  } finally {
    persistence.writes.leave(name);
    await connection.disconnect();
  }
}
