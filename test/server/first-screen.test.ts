import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { makeLargeBudgetText } from '../fixtures/make-large-budget-text.ts';
import { waitFor } from '../helpers/test-client.ts';
import { api, startTestServer, type TestServer } from '../helpers/test-server.ts';
import { parseFirstScreenMessage } from '../../shared/sync/first-screen-message.ts';
import { toDocumentHeadJson, toProjectJson } from '../../shared/model/index.ts';
import { projectsMap, sortedEntries } from '../../shared/model/ydoc-layout.ts';

describe('the first screen over /collab', () => {
  const cleanups: Array<() => void | Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  /** Opens `docId` into `doc`, noting whether each first screen came before the sync. */
  function open(server: TestServer, docId: string, token: string, doc = new Y.Doc()) {
    const seen = { firstScreens: [] as Uint8Array[], beforeSync: 0, synced: false, scope: '' };
    const socket = new HocuspocusProviderWebsocket({ url: `${server.wsUrl}/collab/${docId}` });
    const provider = new HocuspocusProvider({
      websocketProvider: socket, name: docId, document: doc, token,
      onSynced: () => (seen.synced = true),
      onAuthenticated: ({ scope }) => (seen.scope = scope),
      onStateless: ({ payload }) => {
        const screen = parseFirstScreenMessage(payload);
        if (!screen) return;
        seen.firstScreens.push(screen);
        if (!seen.synced) seen.beforeSync++;
      },
    });
    provider.attach();
    const close = () => (provider.destroy(), socket.destroy());
    cleanups.push(close);
    return { doc, seen, close, synced: () => waitFor(() => seen.synced, 20_000, 'first sync') };
  }

  it('sends a first visit of a large document its first screen ahead of the state, to readers too, and nothing to a visit with state or to a small document', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.cleanup());
    const owner = await server.tokenFor('alice', 'owner');
    const large = ((await api(server, 'POST', '/api/docs', { token: owner, body: makeLargeBudgetText(20, 30) })).body as { id: string }).id;
    const small = ((await api(server, 'POST', '/api/docs', { token: owner, body: makeLargeBudgetText(3, 10) })).body as { id: string }).id;

    const first = open(server, large, owner);
    await first.synced();
    expect(first.seen.firstScreens).toHaveLength(1);
    expect(first.seen.beforeSync).toBe(1);
    const screen = new Y.Doc();
    Y.applyUpdate(screen, first.seen.firstScreens[0]!);
    const firstProject = (doc: Y.Doc) => {
      const p = sortedEntries(projectsMap(doc))[0]!;
      return toProjectJson(p.id, p.map);
    };
    expect(toDocumentHeadJson(screen)).toEqual(toDocumentHeadJson(first.doc));
    expect(firstProject(screen)).toEqual(firstProject(first.doc));
    expect(projectsMap(screen).size).toBe(1);

    // The same browser again, its doc holding the state: nothing extra.
    first.close();
    const again = open(server, large, owner, first.doc);
    await again.synced();
    expect(again.seen.firstScreens).toHaveLength(0);

    // A reader (read-only connection) on a first visit gets one as well; a small document gets none.
    const added = await api(server, 'PUT', `/api/docs/${large}/members/rita`, { token: owner, body: { role: 'viewer', name: '王五' } });
    expect(added.status).toBeLessThan(300);
    const reader = open(server, large, await server.tokenFor('rita', 'editor'));
    await reader.synced();
    expect(reader.seen.scope).toBe('readonly');
    expect(reader.seen.beforeSync).toBe(1);
    const tiny = open(server, small, owner);
    await tiny.synced();
    expect(tiny.seen.firstScreens).toHaveLength(0);
  });
});
