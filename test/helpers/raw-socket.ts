import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';

/** A raw client speaking the Hocuspocus wire format, for sending what no provider would. */
export interface RawSocket {
  ws: WebSocket;
  /** Resolves with the close code once the server (or the client) closed the socket. */
  closed: Promise<number>;
  /** Sends one frame `docName·type·body`. */
  send(type: number, body: (e: encoding.Encoder) => void): void;
  /** Sends a Yjs update as a Sync/Update frame. */
  sendUpdate(update: Uint8Array): void;
  /** Sends an awareness update frame. */
  sendAwareness(update: Uint8Array): void;
}

/** Opens `/collab/<docId>` and authenticates with `token` (waits for the server's answer). */
export async function openRawSocket(wsUrl: string, docId: string, token: string, docName = docId): Promise<RawSocket> {
  const ws = new WebSocket(`${wsUrl}/collab/${docId}`);
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
  const send = (type: number, body: (e: encoding.Encoder) => void) => {
    const e = encoding.createEncoder();
    encoding.writeVarString(e, docName);
    encoding.writeVarUint(e, type);
    body(e);
    if (ws.readyState === WebSocket.OPEN) ws.send(encoding.toUint8Array(e));
  };
  const authed = new Promise((resolve) => ws.once('message', resolve));
  send(2, (e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarString(e, token);
  });
  await authed;
  return {
    ws,
    closed,
    send,
    sendUpdate: (update) =>
      send(0, (e) => {
        encoding.writeVarUint(e, 2);
        encoding.writeVarUint8Array(e, update);
      }),
    sendAwareness: (update) => send(1, (e) => encoding.writeVarUint8Array(e, update)),
  };
}
