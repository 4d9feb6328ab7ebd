import type { WebSocketLike } from '@hocuspocus/server';
import { WebSocketServer, type ServerOptions } from 'ws';

/** Where each accepted socket keeps a reference to itself, readable through crossws' Proxy. */
const SELF = Symbol('jixiao.socket');

/**
 * The WebSocket server crossws upgrades into (its `wss` option), made as crossws makes its own
 * (no subprotocols), which marks every socket it accepts so that {@link unproxied} finds it.
 */
export function socketServer(options: ServerOptions): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, handleProtocols: () => false, ...options });
  // Registered before crossws' own listener, so the mark is there when its `open` hook runs.
  wss.on('connection', (ws) => Object.defineProperty(ws, SELF, { value: ws }));
  return wss;
}

/**
 * The socket behind crossws' `peer.websocket`, which is a JavaScript Proxy of it (its only change:
 * defaults for `protocol`, `extensions` and `url`, none of which Hocuspocus reads). Hocuspocus
 * sends every broadcast through the socket it is given, and through the Proxy each `send` ran
 * ws' sender with every property read trapped: at 20 receivers an edit, ~0.5 µs a receiver warm
 * and more cold, of the server's CPU per edit (issue 15). Falls back to the Proxy for a socket
 * that was not marked.
 */
export function unproxied(websocket: unknown): WebSocketLike {
  return ((websocket as { [SELF]?: unknown })[SELF] ?? websocket) as WebSocketLike;
}
