import { Server, type beforeSyncPayload } from '@hocuspocus/server';
import { Level } from 'level';
import { GroupCommit } from '../../../server/storage/group-commit.ts';
import { serveUntilParentLeaves } from './serve-until-parent-leaves.ts';
import { withoutHeartbeatSweep } from './without-heartbeat-sweep.ts';

// Bare Hocuspocus plus the same durable append jixiao makes, and nothing else: every update is
// appended to LevelDB with {sync: true} through the same group commit, awaited in beforeSync, so
// it is acknowledged and broadcast only once on disk. The fair reference for jixiao's fsync cost.
const dataDir = process.env['BENCH_DATA_DIR'];
if (!dataDir) {
  console.error('hocuspocus-synced-server: BENCH_DATA_DIR is required');
  process.exit(2);
}
const db = new Level<string, Uint8Array>(dataDir, { keyEncoding: 'utf8', valueEncoding: 'view' });
await db.open();
// Nothing rides here (no history, no meta records); the options only complete the constructor.
const commits = new GroupCommit((ops) => db.batch(ops, { sync: true }), { writeAlone: (ops) => db.batch(ops), waitMs: 100 });
const seqs = new Map<string, number>();
const server = new Server({
  port: 0,
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: false,
  extensions: [
    {
      async beforeSync({ type, payload, documentName }: beforeSyncPayload) {
        if ((type !== 1 && type !== 2) || payload.length <= 2) return;
        const seq = (seqs.get(documentName) ?? 0) + 1;
        seqs.set(documentName, seq);
        await commits.put(`u!${documentName}!${seq.toString(16).padStart(16, '0')}`, payload);
      },
    },
  ],
});
// As jixiao's: no WebSocket heartbeat sweep (without-heartbeat-sweep.ts).
withoutHeartbeatSweep(server);
await server.listen();
serveUntilParentLeaves(server.address.port, async () => {
  await server.destroy();
  await commits.idle();
  await db.close();
});
