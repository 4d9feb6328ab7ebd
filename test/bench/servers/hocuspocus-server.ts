import { Server } from '@hocuspocus/server';
import { serveUntilParentLeaves } from './serve-until-parent-leaves.ts';
import { withoutHeartbeatSweep } from './without-heartbeat-sweep.ts';

// Bare Hocuspocus, the baseline: no extensions, documents only in memory, defaults otherwise
// (but for the heartbeat sweep, off as in jixiao).
const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: false });
// As jixiao's: no WebSocket heartbeat sweep (without-heartbeat-sweep.ts).
withoutHeartbeatSweep(server);
await server.listen();
serveUntilParentLeaves(server.address.port, () => server.destroy());
