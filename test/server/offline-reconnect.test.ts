import { afterEach, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { CLOSE_CODES } from '../../shared/limits.ts';
import { editText, setIndicatorField, toBudgetJson } from '../../shared/model/index.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { allowConsole } from '../helpers/fail-on-console.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/test-client.ts';
import { api, startTestServer, type TestServer } from '../helpers/test-server.ts';

/*
 * What a browser sends after working offline: its stored copy (the server's state plus its own
 * edits) is loaded into a Y.Doc before the provider joins, so the edits arrive in the handshake's
 * SyncStep2. A hostile person can put anything into that copy; the server's checks still apply.
 */
/** Hocuspocus' SyncStatus message: the server applied (1) or could not apply (0) the client's changes. */
const SYNC_STATUS = 8;
const clients: TestClient[] = [];
afterEach(() => clients.splice(0).forEach((c) => c.destroy()));

async function setup(): Promise<{ server: TestServer; id: string; owner: string }> {
  const server = await startTestServer({ limits: { maxDocumentBytes: 200_000 } });
  const owner = await server.tokenFor('olga', 'owner', '所有者');
  const id = ((await api(server, 'POST', '/api/docs', { token: owner, body: makeSmallBudgetText() })).body as { id: string }).id;
  return { server, id, owner };
}

/** A browser copy of `id`: the server's state as `sub` last saw it, then `edit` made offline. */
async function offlineCopy(server: TestServer, id: string, edit: (doc: Y.Doc) => void, clientID?: number): Promise<Y.Doc> {
  const seen = connectClient(server.wsUrl, id, await server.tokenFor('olga', 'owner'));
  await seen.synced;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(seen.doc));
  seen.destroy();
  // Set after loading: Yjs would pick a new id on seeing its own id arrive from elsewhere.
  if (clientID !== undefined) doc.clientID = clientID;
  edit(doc);
  return doc;
}

/** The server's answer to the offline edits: a close code, or its SyncStatus (applied or not). */
type Answer = number | 'applied' | 'not-applied';

/** Reconnects with a copy as `token`; resolves to the server's first answer to the copy's SyncStep2. */
async function reconnect(server: TestServer, id: string, token: string, doc: Y.Doc): Promise<Answer> {
  const answers: Answer[] = [];
  const client = connectClient(server.wsUrl, id, token, { doc });
  clients.push(client);
  client.provider.on('close', ({ event }: { event: CloseEvent }) => answers.push(event.code));
  client.provider.on('message', ({ event }: { event: MessageEvent }) => {
    const decoder = decoding.createDecoder(new Uint8Array(event.data as ArrayBuffer));
    decoding.readVarString(decoder);
    if (decoding.readVarUint(decoder) === SYNC_STATUS) answers.push(decoding.readVarInt(decoder) === 1 ? 'applied' : 'not-applied');
  });
  const answer = await waitFor(() => answers[0], 10_000, 'an answer to the offline edits');
  client.destroy();
  return answer;
}

const value = async (server: TestServer, owner: string, id: string, indicator: string) =>
  ((await api(server, 'GET', `/api/docs/${id}`, { token: owner })).body as ReturnType<typeof makeSmallBudgetText>).projects[0]!.indicators.find((r) => r.id === indicator)!.value;

describe('edits made offline, sent on reconnect', () => {
  it('lands an editor\'s offline edit through the handshake', async () => {
    const { server, id, owner } = await setup();
    const copy = await offlineCopy(server, id, (doc) => setIndicatorField(doc, 'p-reception', 'r-qty', 'value', '≥50批次'));
    expect(await reconnect(server, id, await server.tokenFor('alice', 'editor'), copy)).toBe('applied');
    expect(await value(server, owner, id, 'r-qty')).toBe('≥50批次');
  });

  it('applies nothing a viewer\'s tampered copy holds', async () => {
    const { server, id, owner } = await setup();
    const copy = await offlineCopy(server, id, (doc) => setIndicatorField(doc, 'p-reception', 'r-qty', 'value', '≥1批次'));
    expect(await reconnect(server, id, await server.tokenFor('vera', 'viewer'), copy)).toBe('not-applied');
    expect(await value(server, owner, id, 'r-qty')).toBe('≥45批次');
  });

  it('applies nothing an editor wrote offline into a document submitted meanwhile', async () => {
    const { server, id, owner } = await setup();
    const copy = await offlineCopy(server, id, (doc) => setIndicatorField(doc, 'p-reception', 'r-qty', 'value', '≥60批次'));
    expect((await api(server, 'POST', `/api/docs/${id}/status`, { token: owner, body: { status: 'submitted' } })).status).toBe(200);
    expect(await reconnect(server, id, await server.tokenFor('alice', 'editor'), copy)).toBe('not-applied');
    expect(await value(server, owner, id, 'r-qty')).toBe('≥45批次');
  });

  it('refuses an offline copy beyond the size limits (4413) or under a colleague\'s client id (4403)', async () => {
    allowConsole(/document-too-large|client-id-taken/);
    const { server, id, owner } = await setup();
    const huge = await offlineCopy(server, id, (doc) => editText(doc, { section: 'safeguards' }, 0, 0, '长'.repeat(200_001)));
    expect(await reconnect(server, id, await server.tokenFor('alice', 'editor'), huge)).toBe(CLOSE_CODES.DOCUMENT_TOO_LARGE.code);

    const bob = connectClient(server.wsUrl, id, await server.tokenFor('bob', 'editor'));
    clients.push(bob);
    await bob.synced;
    setIndicatorField(bob.doc, 'p-reception', 'r-soc', 'value', '≥96%');
    await bob.acknowledged();
    const squatter = await offlineCopy(server, id, (doc) => setIndicatorField(doc, 'p-reception', 'r-qty', 'value', '≥2批次'), bob.doc.clientID);
    expect(await reconnect(server, id, await server.tokenFor('mallory', 'editor'), squatter)).toBe(CLOSE_CODES.CLIENT_ID_TAKEN.code);
    const stored = toBudgetJson(bob.doc).overview.safeguards;
    expect(stored.includes('长')).toBe(false);
    expect(await value(server, owner, id, 'r-qty')).toBe('≥45批次');
    expect(await value(server, owner, id, 'r-soc')).toBe('≥96%');
  });
});

