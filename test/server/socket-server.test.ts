import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import crossws from 'crossws/adapters/node';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { BroadcastSocket, FRAMED_MAX_BYTES, frameOf, hocuspocusSocket, socketServer } from '../../server/collab/socket-server.ts';

const servers: Server[] = [];
const clients: WebSocket[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.terminate();
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((done) => s.close(done));
  }
});

/** A crossws server on loopback whose sockets are accepted by socketServer; resolves with what `open` was given. */
async function serve(): Promise<{ url: string; opened: Promise<{ proxied: unknown; socket: ReturnType<typeof hocuspocusSocket> }> }> {
  let opened!: (v: { proxied: unknown; socket: ReturnType<typeof hocuspocusSocket> }) => void;
  const ws = crossws({
    wss: socketServer({}),
    idleTimeout: 0,
    hooks: { open: (peer) => opened({ proxied: peer.websocket, socket: hocuspocusSocket(peer.websocket) }) },
  });
  const server = createServer();
  servers.push(server);
  server.on('upgrade', (req, socket, head) => void ws.handleUpgrade(req, socket, head));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}`, opened: new Promise((r) => (opened = r)) };
}

/** A ws client that collects every binary message it receives. */
async function client(url: string): Promise<{ received: Uint8Array[]; closed: Promise<number>; ws: WebSocket }> {
  const ws = new WebSocket(url);
  clients.push(ws);
  const received: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
  const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)));
  await new Promise((r, f) => (ws.once('open', r), ws.once('error', f)));
  return { received, closed, ws };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('the socket Hocuspocus sends through', () => {
  it('is the socket behind crossws’ Proxy, not the Proxy', async () => {
    const { url, opened } = await serve();
    await client(url);
    const { proxied, socket } = await opened;
    expect(socket).toBeInstanceOf(BroadcastSocket);
    expect(socket).not.toBe(proxied);
    // A socket it did not accept: the Proxy itself.
    const other = { send() {} };
    expect(hocuspocusSocket(other)).toBe(other);
  });

  it('delivers messages of every frame length whole and in order, between frames ws sends itself', async () => {
    const { url, opened } = await serve();
    const { received } = await client(url);
    const { socket } = await opened;
    const raw = (socket as BroadcastSocket).ws;
    // The lengths where a frame's header changes (7-bit, 16-bit lengths), and past what is framed
    // here (ws frames those, with 16- and 64-bit lengths).
    const lengths = [0, 1, 125, 126, 127, FRAMED_MAX_BYTES, FRAMED_MAX_BYTES + 1, 65_535, 65_536, 300_000];
    const sent: Uint8Array[] = [];
    lengths.forEach((n, i) => {
      const message = Uint8Array.from({ length: n }, (_, k) => (k * 31 + i) % 251);
      socket.send(message);
      // The same message again (a broadcast's next receiver), then one of the same length and other bytes.
      socket.send(message);
      const other = message.map((b) => (b + 1) % 256);
      socket.send(other);
      // ws' own send in between: frames never interleave.
      const own = Uint8Array.of(200, i);
      raw.send(own);
      sent.push(message, message, other, own);
    });
    await until(() => received.length >= sent.length);
    expect(received.map((m) => m.length)).toEqual(sent.map((m) => m.length));
    received.forEach((m, i) => expect(Buffer.compare(m, sent[i]!), `message ${i}`).toBe(0));
  });

  it('frames only what it takes in one piece', () => {
    expect(frameOf(new Uint8Array(FRAMED_MAX_BYTES)).length).toBe(FRAMED_MAX_BYTES + 4);
    expect(() => frameOf(new Uint8Array(FRAMED_MAX_BYTES + 1))).toThrow(RangeError);
  });

  it('closes with the code and reason given, and sends nothing once closing', async () => {
    const { url, opened } = await serve();
    const { received, closed, ws } = await client(url);
    const { socket } = await opened;
    const reason = new Promise<string>((r) => ws.on('close', (_code, why) => r(why.toString())));
    socket.send(Uint8Array.of(1));
    socket.close(4405, 'read-only');
    expect(socket.readyState).toBe(WebSocket.CLOSING);
    expect(() => socket.send(Uint8Array.of(2))).not.toThrow();
    expect(await closed).toBe(4405);
    expect(await reason).toBe('read-only');
    expect(received.map((m) => [...m])).toEqual([[1]]);
  });
});
