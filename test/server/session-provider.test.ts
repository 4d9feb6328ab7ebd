import { HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import * as Y from 'yjs';
import { SessionProvider } from '../../client/collab/session-provider.ts';
import { setIndicatorField } from '../../shared/model/index.ts';
import { makeLargeBudgetText } from '../fixtures/make-large-budget-text.ts';
import { waitFor } from '../helpers/test-client.ts';
import { api, startTestServer, type TestServer } from '../helpers/test-server.ts';

// The badge's 保存中… comes from `unsyncedEdits`: this tab's own edits the server has not
// acknowledged. Hocuspocus also counts each (re)connect's handshake as one unacknowledged change,
// which showed 保存中… for a moment on a first visit with nothing typed.
describe('the session provider’s count of unacknowledged edits', () => {
  let server: TestServer;
  let docId: string;
  let token: string;
  beforeAll(async () => {
    server = await startTestServer();
    token = await server.tokenFor('alice', 'owner', '张三');
    docId = ((await api(server, 'POST', '/api/docs', { token, body: makeLargeBudgetText(2, 3) })).body as { id: string }).id;
  });
  afterAll(() => server.cleanup());

  /** A tab's provider on the test document, noting both counts at every change of the count; closed when the test ends. */
  function open() {
    const doc = new Y.Doc();
    const socket = new HocuspocusProviderWebsocket({ url: `${server.wsUrl}/collab/${docId}` });
    const seen: Array<{ messages: number; edits: number }> = [];
    let synced = false;
    const provider: SessionProvider = new SessionProvider({
      websocketProvider: socket,
      name: docId,
      document: doc,
      token,
      onSynced: () => (synced = true),
      onUnsyncedChanges: () => seen.push({ messages: provider.unsyncedChanges, edits: provider.unsyncedEdits }),
    });
    provider.attach();
    onTestFinished(() => (provider.destroy(), socket.destroy(), doc.destroy()));
    return { doc, provider, seen, settled: () => waitFor(() => synced && provider.unsyncedChanges === 0, 10_000, 'sync and acknowledgement') };
  }

  it('is 0 through the handshake of a connect and of a forced sync, with nothing typed', async () => {
    const tab = open();
    await tab.settled();
    // The handshake was counted as a message (what Hocuspocus' own count shows), never as an edit.
    expect(tab.seen.some((s) => s.messages > 0)).toBe(true);
    expect(tab.seen.map((s) => s.edits)).toEqual(tab.seen.map(() => 0));
    tab.seen.length = 0;
    tab.provider.forceSync();
    await tab.settled();
    expect(tab.seen[0]).toEqual({ messages: 1, edits: 0 });
    expect(tab.seen.every((s) => s.edits === 0)).toBe(true);
  });

  it('counts an edit from when it is sent until the server acknowledged it', async () => {
    const tab = open();
    await tab.settled();
    tab.seen.length = 0;
    expect(setIndicatorField(tab.doc, 'p1', 'p1r1', 'value', '≥ 95%')).toBe(true);
    expect(tab.provider.unsyncedEdits).toBe(1);
    await tab.settled();
    expect(tab.provider.unsyncedEdits).toBe(0);
    expect(tab.seen).toEqual([
      { messages: 1, edits: 1 },
      { messages: 0, edits: 0 },
    ]);
  });

  it('counts an edit typed during the handshake', async () => {
    const tab = open();
    await tab.settled();
    tab.seen.length = 0;
    tab.provider.forceSync();
    setIndicatorField(tab.doc, 'p1', 'p1r1', 'basis', '上年实际');
    expect(tab.seen.at(-1)).toEqual({ messages: 2, edits: 1 });
    await tab.settled();
    expect(tab.seen.at(-1)).toEqual({ messages: 0, edits: 0 });
  });
});
