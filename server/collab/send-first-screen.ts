import type { beforeSyncPayload } from '@hocuspocus/server';
import { encodeFirstScreenMessage } from '../../shared/sync/first-screen-message.ts';
import { firstScreenUpdate } from '../../shared/sync/first-screen-update.ts';
import { SYNC_STEP1 } from '../extensions/update-gate-extension.ts';

/**
 * A step of every incoming sync message (UpdateGateExtension): a budget document's SyncStep1 with
 * an empty state vector (a first visit, no copy in the browser) gets the document's first screen
 * as a stateless message ahead of the SyncStep2 that answers it, when the document is large
 * enough for that to pay (firstScreenUpdate). The page paints the first screen while the rest
 * decodes; messages on a connection leave in order, so the answer follows.
 */
export function sendFirstScreen({ type, payload, connection, document, documentName }: beforeSyncPayload): void {
  if (type !== SYNC_STEP1 || payload.length !== 1 || payload[0] !== 0 || documentName.endsWith('.review')) return;
  const update = firstScreenUpdate(document);
  if (update) connection.sendStateless(encodeFirstScreenMessage(update));
}
