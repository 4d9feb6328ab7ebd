import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { makeLargeBudgetText } from '../fixtures/make-large-budget-text.ts';
import { waitFor } from '../helpers/test-client.ts';
import { api, startTestServer, type TestServer } from '../helpers/test-server.ts';

// Issue 15: opening a stored document sent it twice — the SyncStep2 answer, then Hocuspocus'
// broadcast queue still holding the load's update — doubling what a browser downloads and decodes.
describe('opening a document', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => cleanups.splice(0).forEach((c) => c()));

  /** Opens `docId` with a socket that adds up the bytes of every message it receives. */
  function open(server: TestServer, docId: string, token: string) {
    const received = { bytes: 0 };
    class CountingSocket extends WebSocket {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        this.addEventListener('message', (e: MessageEvent) => (received.bytes += (e.data as ArrayBuffer).byteLength));
      }
    }
    const doc = new Y.Doc();
    let synced = false;
    const socket = new HocuspocusProviderWebsocket({ url: `${server.wsUrl}/collab/${docId}`, WebSocketPolyfill: CountingSocket });
    const provider = new HocuspocusProvider({ websocketProvider: socket, name: docId, document: doc, token, onSynced: () => (synced = true) });
    provider.attach();
    cleanups.push(() => (provider.destroy(), socket.destroy()));
    return { doc, provider, received, synced: () => waitFor(() => synced, 20_000, 'first sync') };
  }

  it('sends the stored document once, fresh after a restart as well as right after creation', async () => {
    let server = await startTestServer();
    const token = await server.tokenFor('alice', 'owner');
    const { body } = await api(server, 'POST', '/api/docs', { token, body: makeLargeBudgetText(10, 10) });
    const id = (body as { id: string }).id;
    server = await server.restart();
    const tab = open(server, id, token);
    await tab.synced();
    const stateBytes = Y.encodeStateAsUpdate(tab.doc).length;
    // Whatever the server queued for this socket arrives before the answer to a sync sent now.
    tab.provider.forceSync();
    await waitFor(() => !tab.provider.hasUnsyncedChanges, 10_000, 'server round trip');
    expect(stateBytes).toBeGreaterThan(20_000);
    expect(tab.received.bytes).toBeLessThan(stateBytes * 1.5);
  });
});
