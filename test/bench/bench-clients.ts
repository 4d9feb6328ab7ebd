import { HocuspocusProvider } from '@hocuspocus/provider';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** One real provider client, as a browser tab would hold it, for any of the benched servers. */
export interface BenchClient {
  doc: Y.Doc;
  /** Resolves once the first sync with the server completed; rejects if authentication fails. */
  synced: Promise<void>;
  /** Connection state for error messages, e.g. "socket connected, synced, 0 unsent, 1 close (4205 …)". */
  describe(): string;
  destroy(): void;
}

/**
 * A HocuspocusProvider on its own socket at `url` (jixiao: `ws://…/collab/<id>`; bare
 * Hocuspocus accepts any path). `token` null sends none.
 */
export function connectHocuspocusClient(url: string, name: string, token: string | null): BenchClient {
  const doc = new Y.Doc();
  let provider: HocuspocusProvider | undefined;
  const closes: string[] = [];
  const synced = new Promise<void>((resolve, reject) => {
    provider = new HocuspocusProvider({
      url,
      name,
      document: doc,
      token,
      onSynced: () => resolve(),
      onAuthenticationFailed: ({ reason }) => reject(new Error(`authentication failed: ${reason}`)),
      onClose: ({ event }) => closes.push(`${event.code} ${event.reason}`.trim()),
    });
  });
  return {
    doc,
    synced,
    describe: () =>
      `socket ${provider?.configuration.websocketProvider.status}, ${provider?.isSynced ? 'synced' : 'not synced'}, ` +
      `${provider?.unsyncedChanges} unacknowledged, ${closes.length} closes${closes.length ? ` (${closes.join('; ')})` : ''}`,
    destroy: () => {
      provider?.destroy();
      doc.destroy();
    },
  };
}

/**
 * A y-websocket client of room `room` at `url`. It uses Node's built-in WebSocket, the same
 * implementation HocuspocusProvider picks up, so client-side costs match; BroadcastChannel is off
 * because all clients share one process and would otherwise sync without the server.
 */
export function connectYWebsocketClient(url: string, room: string): BenchClient {
  const doc = new Y.Doc();
  // Each WebsocketProvider adds a process 'exit' listener (and removes it on destroy); 100 of
  // them are expected here, not a leak, so raise the warning limit by one per live client.
  process.setMaxListeners(process.getMaxListeners() + 1);
  const provider = new WebsocketProvider(url, room, doc, { WebSocketPolyfill: WebSocket, disableBc: true });
  const synced = new Promise<void>((resolve) => {
    const onSync = (isSynced: boolean) => {
      if (!isSynced) return;
      provider.off('sync', onSync);
      resolve();
    };
    provider.on('sync', onSync);
  });
  let closes = 0;
  provider.on('connection-close', () => closes++);
  return {
    doc,
    synced,
    describe: () =>
      `socket ${provider.wsconnected ? 'connected' : provider.wsconnecting ? 'connecting' : 'disconnected'}, ` +
      `${provider.synced ? 'synced' : 'not synced'}, ${closes} closes`,
    destroy: () => {
      provider.destroy();
      doc.destroy();
      process.setMaxListeners(process.getMaxListeners() - 1);
    },
  };
}
