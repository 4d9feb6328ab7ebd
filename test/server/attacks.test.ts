import { beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { toBudgetJson } from '../../shared/model/index.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { allowConsole, consoleLines } from '../helpers/fail-on-console.ts';
import { connectClient, waitFor } from '../helpers/test-client.ts';
import { api, startTestServer, type TestServer } from '../helpers/test-server.ts';

/** A raw client speaking the Hocuspocus wire format, for sending what no provider would. */
async function rawSocket(server: TestServer, docId: string, token: string): Promise<{ ws: WebSocket; closed: Promise<number>; send(type: number, body: (e: encoding.Encoder) => void): void }> {
  const ws = new WebSocket(`${server.wsUrl}/collab/${docId}`);
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
  const send = (type: number, body: (e: encoding.Encoder) => void) => {
    const e = encoding.createEncoder();
    encoding.writeVarString(e, docId);
    encoding.writeVarUint(e, type);
    body(e);
    ws.send(encoding.toUint8Array(e));
  };
  send(2, (e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarString(e, token);
  });
  const authed = new Promise((resolve) => ws.once('message', resolve));
  await authed;
  return { ws, closed, send };
}

describe('hostile WebSocket input', () => {
  let server: TestServer;
  let token: string;
  let id: string;
  beforeAll(async () => {
    server = await startTestServer();
    token = await server.tokenFor('mallory', 'editor', '坏人');
    id = ((await api(server, 'POST', '/api/docs', { token, body: makeSmallBudgetText() })).body as { id: string }).id;
  });

  const stillServing = async () => {
    const c = connectClient(server.wsUrl, id, token);
    await c.synced;
    const json = toBudgetJson(c.doc);
    c.destroy();
    return json;
  };

  it('closes a connection that sends an oversized frame (1009) and keeps serving others', async () => {
    const raw = await rawSocket(server, id, token);
    raw.send(0, (e) => {
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint8Array(e, new Uint8Array(6 * 1024 * 1024));
    });
    expect(await raw.closed).toBe(1009);
    expect(await stillServing()).toEqual(makeSmallBudgetText());
  });

  it('rejects a 7-byte update that declares 33 million structs, and a truncated update, without changing the document', async () => {
    allowConsole(/malformed update/);
    const bomb = await rawSocket(server, id, token);
    bomb.send(0, (e) => {
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint8Array(e, new Uint8Array([1, 0xff, 0xff, 0xff, 0x0f, 1, 0]));
    });
    const started = Date.now();
    const garbage = await rawSocket(server, id, token);
    garbage.send(0, (e) => {
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint8Array(e, new Uint8Array([0, 5, 200, 17, 3]));
    });
    expect(await stillServing()).toEqual(makeSmallBudgetText());
    // Rejected cheaply: no 250 MB allocation, no stall (the notes measured 124 ms for the bomb unguarded).
    expect(Date.now() - started).toBeLessThan(5_000);
    bomb.ws.close();
    garbage.ws.close();
    expect((await api(server, 'GET', `/api/docs/${id}`, { token })).body).toEqual(makeSmallBudgetText());
  });

  it('stops answering token guesses on one socket after five failures, even for a valid token', async () => {
    const ws = new WebSocket(`${server.wsUrl}/collab/${id}`);
    await new Promise((resolve) => ws.once('open', resolve));
    const replies: string[] = [];
    ws.on('message', (data: Buffer) => replies.push(data.toString('latin1')));
    const auth = (t: string) => {
      const e = encoding.createEncoder();
      encoding.writeVarString(e, id);
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint(e, 0);
      encoding.writeVarString(e, t);
      ws.send(encoding.toUint8Array(e));
    };
    const reply = async (t: string) => {
      const n = replies.length;
      auth(t);
      await waitFor(() => replies.length !== n, 5_000, 'the server answering the token');
    };
    for (let i = 0; i < 6; i++) await reply(`guess-${i}`);
    await reply(token);
    expect(replies.filter((r) => r.includes('invalid-token'))).toHaveLength(5);
    expect(replies.filter((r) => r.includes('too-many-attempts'))).toHaveLength(2);
    ws.close();
  });

  it('still loads a document whose log holds an update that cannot be applied', async () => {
    allowConsole(/skipped 1 stored update/);
    const other = ((await api(server, 'POST', '/api/docs', { token, body: makeSmallBudgetText() })).body as { id: string }).id;
    await server.store.append(other, new Uint8Array([0, 5, 200, 17, 3]));
    expect((await api(server, 'GET', `/api/docs/${other}`, { token })).body).toEqual(makeSmallBudgetText());
  });

  it('also serves the bare /collab path, with the document named in the messages', async () => {
    const c = connectClient(server.wsUrl.replace(/$/, ''), id, token, { urlDocId: '' });
    await c.synced;
    expect(toBudgetJson(c.doc).title).toBe(makeSmallBudgetText().title);
    c.destroy();
  });
  it('closes a socket whose frame Hocuspocus could not read (4400) with one short log line, no stack trace', async () => {
    allowConsole(/refused a malformed frame/);
    const frames: Array<{ name: string; bytes: (e: encoding.Encoder) => void }> = [
      { name: 'address not UTF-8', bytes: (e) => encoding.writeUint8Array(e, new Uint8Array([2, 0xff, 0xfe, 0])) },
      { name: 'a type no client sends', bytes: (e) => (encoding.writeVarString(e, id), encoding.writeVarUint(e, 6), encoding.writeVarString(e, 'x')) },
      { name: 'truncated sync message', bytes: (e) => (encoding.writeVarString(e, id), encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint(e, 40)) },
      { name: 'awareness state not JSON', bytes: (e) => (encoding.writeVarString(e, id), encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, new Uint8Array([1, 7, 1, 2, 0x7b, 0x7b]))) },
      { name: 'one byte', bytes: (e) => encoding.writeUint8(e, 10) },
    ];
    for (const frame of frames) {
      const raw = await rawSocket(server, id, token);
      const e = encoding.createEncoder();
      frame.bytes(e);
      raw.ws.send(encoding.toUint8Array(e));
      expect(await raw.closed, frame.name).toBe(4400);
    }
    expect(consoleLines().filter((line) => line.includes('malformed frame'))).toHaveLength(frames.length);
    expect(consoleLines().join('\n')).not.toMatch(/\n\s+at /);
    expect(await stillServing()).toEqual(makeSmallBudgetText());
  });
});
