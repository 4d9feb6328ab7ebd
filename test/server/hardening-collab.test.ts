import { HocuspocusProvider } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { signToken } from '../../server/auth/tokens.ts';
import { STATE_REQUESTS } from '../../server/extensions/socket-guard-extension.ts';
import { CLOSE_CODES } from '../../shared/limits.ts';
import { editText, setIndicatorField, toBudgetJson } from '../../shared/model/index.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { allowConsole } from '../helpers/fail-on-console.ts';
import { failWrites } from '../helpers/failing-writes.ts';
import { openRawSocket } from '../helpers/raw-socket.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/test-client.ts';
import { api, startTestServer, type TestServer } from '../helpers/test-server.ts';

const servers: TestServer[] = [];
const clients: TestClient[] = [];
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy());
  await Promise.all(servers.splice(0).map((s) => s.cleanup()));
});

async function setup(limits: Parameters<typeof startTestServer>[0] = {}) {
  const server = await startTestServer(limits);
  servers.push(server);
  const token = await server.tokenFor('alice', 'owner', '张三');
  const id = ((await api(server, 'POST', '/api/docs', { token, body: makeSmallBudgetText() })).body as { id: string }).id;
  return { server, token, id };
}

async function connect(server: TestServer, id: string, token: string): Promise<TestClient> {
  const c = connectClient(server.wsUrl, id, token);
  clients.push(c);
  await c.synced;
  return c;
}

/** A Y.Doc holding the server's current state of `id`, to build raw updates on. */
async function copyOf(server: TestServer, id: string, token: string, clientID?: number): Promise<Y.Doc> {
  const c = await connect(server, id, token);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(c.doc));
  // Set after loading: Yjs would pick a new id on seeing its own id arrive from elsewhere.
  if (clientID !== undefined) doc.clientID = clientID;
  return doc;
}

const safeguards = async (server: TestServer, id: string, token: string) =>
  ((await api(server, 'GET', `/api/docs/${id}`, { token })).body as { overview: { safeguards: string } }).overview.safeguards;

describe('identity stays true for the socket’s whole life', () => {
  it('C: closes a socket whose token expired (4401); edits made meanwhile land after a refresh', async () => {
    allowConsole(/token expired/);
    const { server, id, token } = await setup();
    const short = await signToken(server.key, { sub: 'carol', name: '王五', role: 'owner' }, 2);
    const fresh = ((await api(server, 'POST', '/api/token/refresh', { token: short })).body as { token: string }).token;
    let current = short;
    const closes: number[] = [];
    const doc = new Y.Doc();
    const provider = new HocuspocusProvider({
      url: `${server.wsUrl}/collab/${id}`,
      name: id,
      document: doc,
      token: () => current,
      onClose: ({ event }) => {
        closes.push(event.code);
        // What the browser does: a refreshed token for the next connection; the Y.Doc is kept.
        current = fresh;
      },
    });
    await waitFor(() => provider.isSynced, 10_000, 'first sync');
    await waitFor(() => closes.includes(CLOSE_CODES.TOKEN_EXPIRED.code), 10_000, 'close 4401');
    editText(doc, { section: 'safeguards' }, 0, 0, '离线时写的');
    expect(await safeguards(server, id, token)).not.toContain('离线时写的');
    await waitFor(() => provider.isSynced && !provider.hasUnsyncedChanges, 15_000, 'resync with the fresh token');
    expect(await safeguards(server, id, token)).toContain('离线时写的');
    provider.destroy();
    doc.destroy();
  });

  it('G: refuses an update written under a colleague’s client id (4403), before and after a restart; the colleague’s edits keep landing', async () => {
    allowConsole(/client-id-taken/);
    const { server, id, token } = await setup();
    const mallory = await server.tokenFor('mallory', 'editor', '坏人');
    const alice = await connect(server, id, token);
    editText(alice.doc, { section: 'safeguards' }, 0, 0, '张三写的');
    await alice.acknowledged();
    const victim = alice.doc.clientID;

    const forged = await copyOf(server, id, mallory, victim);
    const raw = await openRawSocket(server.wsUrl, id, mallory);
    const sv = Y.encodeStateVector(forged);
    editText(forged, { section: 'safeguards' }, 0, 0, '冒名');
    raw.sendUpdate(Y.encodeStateAsUpdate(forged, sv));
    expect(await raw.closed).toBe(CLOSE_CODES.CLIENT_ID_TAKEN.code);

    editText(alice.doc, { section: 'safeguards' }, 0, 0, '再写');
    await alice.acknowledged();
    expect(await safeguards(server, id, token)).toBe(toBudgetJson(alice.doc).overview.safeguards);
    expect(await safeguards(server, id, token)).not.toContain('冒名');

    // The binding is stored: after a restart the id is still Alice's.
    alice.destroy();
    clients.length = 0;
    await server.stop();
    const again = await startTestServer({ dataDir: server.dataDir });
    servers.splice(0, 1, again);
    const raw2 = await openRawSocket(again.wsUrl, id, await again.tokenFor('mallory', 'editor', '坏人'));
    raw2.sendUpdate(Y.encodeStateAsUpdate(forged, sv));
    expect(await raw2.closed).toBe(CLOSE_CODES.CLIENT_ID_TAKEN.code);
    expect(await safeguards(again, id, token)).not.toContain('冒名');
  });

  it('G: the first edit of a session stores its client-id binding in the edit’s own synced write; a failed write stores neither', async () => {
    allowConsole(/保存失败|storage-failed|could not store|could not record/);
    const { server, id, token } = await setup();
    const db = server.store.db;
    const alice = await connect(server, id, token);
    const binding = `v1!cid!${alice.doc.clientID}`;
    const broken = failWrites(db, true);
    const failing = db.batch.bind(db);
    const attempts: string[][] = [];
    Object.assign(db, { batch: (ops: Parameters<typeof failing>[0], options?: Parameters<typeof failing>[1]) => (options?.sync && attempts.push(ops.map((o) => o.key)), failing(ops, options)) });
    editText(alice.doc, { section: 'safeguards' }, 0, 0, '第一笔');
    const attempt = await waitFor(() => attempts.find((keys) => keys.includes(binding)), 10_000, 'a synced write of the binding');
    // One write holds the binding and the edit's log entry: neither can be stored without the other.
    expect(attempt.some((k) => k.startsWith(`v1!doc!${id}!`))).toBe(true);
    expect(await db.get(binding)).toBeUndefined();
    broken.restore();
    await alice.acknowledged(20_000);
    expect(await safeguards(server, id, token)).toContain('第一笔');
    expect(new TextDecoder().decode(await db.get(binding))).toBe('alice');
  });

  it('H: refuses presence announced under a colleague’s client id (4403); the colleague’s presence stays', async () => {
    allowConsole(/client-id-taken/);
    const { server, id, token } = await setup();
    const alice = await connect(server, id, token);
    alice.provider.setAwarenessField('cursor', { at: 1 });
    const states = () => server.hocuspocus.documents.get(id)?.awareness.getStates();
    await waitFor(() => states()?.get(alice.doc.clientID) !== undefined, 10_000, 'alice presence');

    const fake = new Y.Doc();
    fake.clientID = alice.doc.clientID;
    const awareness = new Awareness(fake);
    awareness.setLocalState({ user: { name: '冒名' }, cursor: { at: 99 } });
    const raw = await openRawSocket(server.wsUrl, id, await server.tokenFor('dave', 'reviewer', '赵六'));
    raw.sendAwareness(encodeAwarenessUpdate(awareness, [fake.clientID]));
    expect(await raw.closed).toBe(CLOSE_CODES.CLIENT_ID_TAKEN.code);
    expect(states()?.get(alice.doc.clientID)).toMatchObject({ user: { sub: 'alice' }, cursor: { at: 1 } });
    awareness.destroy();
  });
});

describe('one person cannot degrade everyone else', () => {
  it('D: closes a flooding writer with 4429 while another document keeps being edited', async () => {
    allowConsole(/rate-limited/);
    const { server, id, token } = await setup({ limits: { updatesPerSecond: 1, updateBurst: 20 } });
    const other = ((await api(server, 'POST', '/api/docs', { token, body: makeSmallBudgetText() })).body as { id: string }).id;
    const flooder = await copyOf(server, id, token);
    const raw = await openRawSocket(server.wsUrl, id, token);
    flooder.on('update', (u: Uint8Array) => raw.sendUpdate(u));
    for (let i = 0; i < 200; i++) editText(flooder, { section: 'safeguards' }, 0, 0, 'x');
    const bob = await connect(server, other, token);
    editText(bob.doc, { section: 'safeguards' }, 0, 0, '照常');
    expect(await raw.closed).toBe(CLOSE_CODES.RATE_LIMITED.code);
    await bob.acknowledged();
    expect(await safeguards(server, other, token)).toContain('照常');
    const stored = (await safeguards(server, id, token)).match(/^x*/)?.[0].length ?? 0;
    expect(stored).toBeLessThanOrEqual(21);
  });

  it('D: refuses an update that brings more new client ids than one person may (4429); nothing is bound or stored, and ordinary edits go on', async () => {
    allowConsole(/rate-limited/);
    const { server, id, token } = await setup({ limits: { newClientIdBurst: 50 } });
    const mallory = await server.tokenFor('mallory', 'editor', '坏人');
    // Sixty writers' worth of edits in one update, as one message could carry hundreds of thousands.
    const base = await copyOf(server, id, mallory);
    const sv = Y.encodeStateVector(base);
    const ids = Array.from({ length: 60 }, (_, i) => 7_000_000 + i);
    const many = Y.mergeUpdates(
      ids.map((clientID) => {
        const writer = new Y.Doc();
        Y.applyUpdate(writer, Y.encodeStateAsUpdate(base));
        writer.clientID = clientID;
        editText(writer, { section: 'safeguards' }, 0, 0, '多');
        return Y.encodeStateAsUpdate(writer, sv);
      }),
    );
    const raw = await openRawSocket(server.wsUrl, id, mallory);
    raw.sendUpdate(many);
    expect(await Promise.race([raw.closed, new Promise((resolve) => setTimeout(() => resolve('still open after 5 s'), 5_000))])).toBe(CLOSE_CODES.RATE_LIMITED.code);
    expect(await safeguards(server, id, token)).not.toContain('多');
    // Nothing was bound to Mallory: a colleague may still write under one of those ids.
    const bob = await server.tokenFor('bob', 'editor', '李四');
    const bobs = await copyOf(server, id, bob, ids[0]);
    const bobRaw = await openRawSocket(server.wsUrl, id, bob);
    const before = Y.encodeStateVector(bobs);
    editText(bobs, { section: 'safeguards' }, 0, 0, '李四写的');
    bobRaw.sendUpdate(Y.encodeStateAsUpdate(bobs, before));
    await waitFor(async () => (await safeguards(server, id, token)).includes('李四写的'), 10_000, 'Bob’s edit under the freed id');
    // Mallory's own visit (one new id) is within what a person may bring.
    const visit = await connect(server, id, mallory);
    editText(visit.doc, { section: 'safeguards' }, 0, 0, '正常编辑');
    await visit.acknowledged();
    expect(await safeguards(server, id, token)).toContain('正常编辑');
    bobRaw.ws.close();
  });

  it('D: answers a few requests for the whole document per connection, then closes a connection that keeps asking (4429)', async () => {
    allowConsole(/asked for the whole document too often/);
    const { server, id, token } = await setup();
    // A reviewer's connection is read-only, yet every SyncStep1 made the server encode the document.
    const raw = await openRawSocket(server.wsUrl, id, await server.tokenFor('dave', 'reviewer', '赵六'));
    let answers = 0;
    raw.ws.on('message', (data: Buffer) => {
      const d = decoding.createDecoder(new Uint8Array(data));
      decoding.readVarString(d);
      if (decoding.readVarUint(d) === 0 && decoding.readVarUint(d) === 1) answers++;
    });
    const askForEverything = () => raw.send(0, (e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()))));
    for (let i = 0; i < STATE_REQUESTS.burst; i++) askForEverything();
    await waitFor(() => answers === STATE_REQUESTS.burst, 10_000, 'an answer to each request of the burst');
    for (let i = 0; i < 200; i++) askForEverything();
    expect(await raw.closed).toBe(CLOSE_CODES.RATE_LIMITED.code);
    expect(answers).toBe(STATE_REQUESTS.burst);
    // Everyone else's connections, new ones included, are untouched.
    const alice = await connect(server, id, token);
    editText(alice.doc, { section: 'safeguards' }, 0, 0, '照常');
    await alice.acknowledged();
    expect(await safeguards(server, id, token)).toContain('照常');
  });

  it('E: refuses an update beyond the text limit or the document cap (4413) and keeps the document as it was', async () => {
    allowConsole(/document-too-large/);
    const { server, id, token } = await setup({ limits: { maxDocumentBytes: 120_000 } });
    const before = await safeguards(server, id, token);
    const huge = await copyOf(server, id, token);
    const raw = await openRawSocket(server.wsUrl, id, token);
    huge.on('update', (u: Uint8Array) => raw.sendUpdate(u));
    editText(huge, { section: 'safeguards' }, 0, 0, '长'.repeat(200_001));
    expect(await raw.closed).toBe(CLOSE_CODES.DOCUMENT_TOO_LARGE.code);

    const big = await copyOf(server, id, token);
    const raw2 = await openRawSocket(server.wsUrl, id, token);
    big.on('update', (u: Uint8Array) => raw2.sendUpdate(u));
    editText(big, { section: 'safeguards' }, 0, 0, 'a'.repeat(60_000));
    editText(big, { section: 'safeguards' }, 0, 0, 'b'.repeat(60_000));
    expect(await raw2.closed).toBe(CLOSE_CODES.DOCUMENT_TOO_LARGE.code);
    const after = await safeguards(server, id, token);
    expect(after.includes('长')).toBe(false);
    expect(after.includes('b')).toBe(false);
    expect(after.endsWith(before)).toBe(true);
  });

  it('E: counts a text’s running length: updates each under the limit cannot grow a section past 200,000 characters', async () => {
    allowConsole(/longer than 200000/);
    const { server, id, token } = await setup();
    const writer = await copyOf(server, id, token);
    const raw = await openRawSocket(server.wsUrl, id, token);
    writer.on('update', (u: Uint8Array) => raw.sendUpdate(u));
    for (const fill of ['a', 'b', 'c']) editText(writer, { section: 'safeguards' }, 0, 0, fill.repeat(60_000));
    await waitFor(async () => (await safeguards(server, id, token)).startsWith('c'));
    editText(writer, { section: 'safeguards' }, 0, 0, 'd'.repeat(60_000));
    expect(await raw.closed).toBe(CLOSE_CODES.DOCUMENT_TOO_LARGE.code);
    const after = await safeguards(server, id, token);
    expect(after.includes('d')).toBe(false);
    expect(after.length).toBeLessThanOrEqual(200_000);
  });

  it('E: counts the document, not its log: overwriting one cell many times stays within the cap', async () => {
    const { server, id, token } = await setup({ limits: { maxDocumentBytes: 40_000 } });
    const writer = await copyOf(server, id, token);
    const raw = await openRawSocket(server.wsUrl, id, token);
    let closed = 0;
    void raw.closed.then((code) => (closed = code));
    writer.on('update', (u: Uint8Array) => raw.sendUpdate(u));
    // 300 × ~250 bytes is ~75 KB of log, but the document itself keeps one value.
    for (let i = 0; i < 300; i++) setIndicatorField(writer, 'p-reception', 'r-qual', 'value', `${i}:${'值'.repeat(80)}`);
    const last = `299:${'值'.repeat(80)}`;
    const value = async () => ((await api(server, 'GET', `/api/docs/${id}`, { token })).body as { projects: Array<{ id: string; indicators: Array<{ id: string; value: string }> }> }).projects.find((p) => p.id === 'p-reception')?.indicators.find((r) => r.id === 'r-qual')?.value;
    const reader = await connect(server, id, token);
    await waitFor(() => reader.doc.getMap('projects').size > 0 && JSON.stringify(toBudgetJson(reader.doc)).includes(last), 20_000, 'the last value');
    expect(await value()).toBe(last);
    expect(closed).toBe(0);
    raw.ws.close();
  });
});
