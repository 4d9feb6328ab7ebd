import type { Duplex } from 'node:stream';
import type { WebSocketLike } from '@hocuspocus/server';
import type crossws from 'crossws/adapters/node';
import { WebSocket, WebSocketServer, type ServerOptions } from 'ws';

/** Where each accepted socket keeps what Hocuspocus is given for it, readable through crossws' Proxy. */
const FOR_HOCUSPOCUS = Symbol('jixiao.hocuspocusSocket');

/**
 * The WebSocket server crossws upgrades into (its `wss` option), made as crossws makes its own
 * (no subprotocols), which gives every socket it accepts the {@link BroadcastSocket} that
 * {@link hocuspocusSocket} finds. Compression stays off (ws' default for a server): a frame is
 * then its header and the message, nothing queued.
 */
export function socketServer(options: ServerOptions): CrosswsServer {
  const wss = new WebSocketServer({ noServer: true, handleProtocols: () => false, ...options });
  // Registered before crossws' own listener, so the socket is there when its `open` hook runs.
  wss.on('connection', (ws, request) => Object.defineProperty(ws, FOR_HOCUSPOCUS, { value: new BroadcastSocket(ws, request.socket) }));
  // crossws types the option with its bundled copy of ws' types; the server is ws' own.
  return wss as unknown as CrosswsServer;
}

/** The WebSocket server type crossws' node adapter takes. */
type CrosswsServer = NonNullable<Parameters<typeof crossws>[0]>['wss'];

/**
 * What Hocuspocus sends through for crossws' `peer.websocket`, a JavaScript Proxy of the socket
 * (its only change: defaults for `protocol`, `extensions` and `url`, none of which Hocuspocus
 * reads). Through the Proxy, each `send` ran ws' sender with every property read trapped; falls
 * back to the Proxy for a socket {@link socketServer} did not accept.
 */
export function hocuspocusSocket(websocket: unknown): WebSocketLike {
  return ((websocket as { [FOR_HOCUSPOCUS]?: WebSocketLike })[FOR_HOCUSPOCUS] ?? websocket) as WebSocketLike;
}

/**
 * Messages up to this size are framed here; larger ones (a document's first sync, up to the
 * document cap) go through ws, which writes them without a copy.
 */
export const FRAMED_MAX_BYTES = 16 * 1024;

/** The message last framed and its frame: a broadcast sends one message to every receiver in turn. */
let lastMessage: Uint8Array | undefined;
let lastFrame: Buffer | undefined;

/**
 * A binary WebSocket frame (RFC 6455 §5.2: final, unmasked, as a server sends) of `message`, of
 * at most {@link FRAMED_MAX_BYTES}, built once per message, not once per receiver. The same
 * message object is taken to hold the same bytes: ws itself keeps a sent message by reference
 * until the socket takes it, so it must not be changed once sent either.
 */
export function frameOf(message: Uint8Array): Buffer {
  if (message === lastMessage && lastFrame) return lastFrame;
  const length = message.length;
  if (length > FRAMED_MAX_BYTES) throw new RangeError(`frameOf: ${length} bytes is more than ${FRAMED_MAX_BYTES}`);
  const head = length < 126 ? 2 : 4;
  const frame = Buffer.allocUnsafe(head + length);
  frame[0] = 0x82; // FIN, opcode 2 (binary)
  if (length < 126) frame[1] = length;
  else {
    frame[1] = 126; // a 16-bit length follows
    frame.writeUInt16BE(length, 2);
  }
  frame.set(message, head);
  lastMessage = message;
  lastFrame = frame;
  return frame;
}

/**
 * One client's socket as Hocuspocus uses it (`readyState`, `send`, `close`; jixiao's guards also
 * read `bufferedAmount`). A message goes out as one frame built once per broadcast, in one socket
 * write: ws' `send` builds a header per receiver and writes header and message apart (cork, two
 * writes, uncork), the largest part of the server's CPU per edit that grows with the number of
 * receivers (issue 15). Frames written here and by ws (its pongs, its close frame) do not
 * interleave: each is one synchronous write. A socket with an extension negotiated (none is
 * offered) sends through ws, and so does a message larger than {@link FRAMED_MAX_BYTES}.
 */
export class BroadcastSocket implements WebSocketLike {
  readonly ws: WebSocket;
  private readonly socket: Duplex;
  /** No extension was negotiated (they are at the upgrade, before the socket is accepted). */
  private readonly plain: boolean;

  constructor(ws: WebSocket, socket: Duplex) {
    this.ws = ws;
    this.socket = socket;
    this.plain = ws.extensions === '';
  }

  get readyState(): number {
    return this.ws.readyState;
  }

  get bufferedAmount(): number {
    return this.ws.bufferedAmount;
  }

  send(message: Uint8Array): void {
    if (this.ws.readyState !== WebSocket.OPEN || !this.plain || message.length > FRAMED_MAX_BYTES) return this.ws.send(message);
    this.socket.write(frameOf(message));
  }

  close(code?: number, reason?: string): void {
    this.ws.close(code, reason);
  }
}
