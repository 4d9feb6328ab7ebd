import type { Connection, beforeSyncPayload } from '@hocuspocus/server';
import { bringsContent } from '../extensions/update-gate-extension.ts';
import { isContentFrame } from './frame-check.ts';

/** How long, during a burst, a document's updates gather before they are broadcast as one. */
const WINDOW_MS = 4;

/** Whether the connection's next message, after the one in hand, is another update. */
function anotherUpdateWaits(connection: Connection): boolean {
  // Hocuspocus handles a connection's messages one at a time from this queue of raw frames (not
  // public API: without it every update is broadcast at the end of its turn, as by default).
  // An awareness message behind the update (a cursor that moved with the edit) is not a burst.
  const queue = (connection as unknown as { messageQueue?: unknown }).messageQueue;
  return Array.isArray(queue) && queue.length >= 2 && queue[1] instanceof Uint8Array && isContentFrame(queue[1]);
}

/**
 * Merges the broadcasts of a burst. Hocuspocus gathers a document's updates until the end of the
 * event loop's turn (`flushDelay` 0) and broadcasts them as one merged update. Here each update
 * waits for its own fsync first, so each turn holds one, and a burst of 1,000 edits from one
 * client reached every colleague as 1,000 messages, which each of their browsers applies one by
 * one (bare Hocuspocus in memory sends 5). While another update of the sender waits behind the
 * update in hand, its document gathers for {@link WINDOW_MS}; the burst's last update goes out at
 * the end of its turn with whatever gathered. An update that comes alone (typing) is broadcast
 * at the end of its turn, as before. The sender's acknowledgements are not delayed: Hocuspocus
 * sends each after its apply.
 */
export class BurstWindow {
  /** The last step of the update gate: the update is stored, Hocuspocus applies it next. */
  noteUpdate(update: beforeSyncPayload): void {
    if (!bringsContent(update)) return;
    const { document, connection } = update;
    if (anotherUpdateWaits(connection)) {
      document.flushDelay = WINDOW_MS;
    } else if (document.flushDelay !== 0) {
      document.flushDelay = 0;
      // A window may be open: what gathered goes out with this update, at the end of its turn.
      setImmediate(() => document.flush());
    }
  }
}
