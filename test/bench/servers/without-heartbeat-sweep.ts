import type { Server, WebSocketLike } from '@hocuspocus/server';
import crossws from 'crossws/adapters/node';

type ClientConnection = ReturnType<Server['hocuspocus']['handleConnection']>;

/**
 * Gives a reference `server` (Hocuspocus' `Server`) the WebSocket layer jixiao runs
 * (server/app.ts): crossws without its heartbeat sweep, which pings every socket in one loop every
 * 30 s (a 100–170 ms stall with 2,000 sockets). With the sweep, whether a reference's measured
 * edits crossed it depended on how long its documents took to open; without it on both sides, the
 * many-documents section compares the edit path. Hocuspocus' per-connection timeout stays.
 * Call before `listen()`: the server reads `crossws` at every upgrade.
 */
export function withoutHeartbeatSweep(server: Server): void {
  const connections = new Map<string, ClientConnection>();
  (server as unknown as { crossws: ReturnType<typeof crossws> }).crossws = crossws({
    idleTimeout: 0,
    hooks: {
      open: (peer) => void connections.set(peer.id, server.hocuspocus.handleConnection(peer.websocket as unknown as WebSocketLike, peer.request as Request)),
      message: (peer, message) => connections.get(peer.id)?.handleMessage(message.uint8Array()),
      close: (peer, event) => {
        connections.get(peer.id)?.handleClose({ code: event.code ?? 1000, reason: event.reason ?? '' });
        connections.delete(peer.id);
      },
    },
  });
}
