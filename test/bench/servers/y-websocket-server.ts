import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';
import { serveUntilParentLeaves } from './serve-until-parent-leaves.ts';

// The y-websocket reference server (@y/websocket-server 0.1.1) wired as its own bin does it,
// in memory: the parent removes YPERSISTENCE from the environment. The room is the URL path.
const wss = new WebSocketServer({ noServer: true });
const http = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('okay');
});
wss.on('connection', (ws, req) => setupWSConnection(ws, req));
http.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
});
await new Promise<void>((resolve, reject) => {
  http.once('error', reject);
  http.listen(0, '127.0.0.1', () => resolve());
});
serveUntilParentLeaves((http.address() as AddressInfo).port, async () => {
  for (const ws of wss.clients) ws.terminate();
  wss.close();
  http.closeAllConnections();
  await new Promise<void>((resolve) => http.close(() => resolve()));
});
