import { Server } from '@hocuspocus/server';
import { serveUntilParentLeaves } from './serve-until-parent-leaves.ts';

// Bare Hocuspocus, the baseline: no extensions, documents only in memory, defaults otherwise.
const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: false });
await server.listen();
serveUntilParentLeaves(server.address.port, () => server.destroy());
