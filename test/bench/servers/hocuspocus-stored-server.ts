import { readFile } from 'node:fs/promises';
import { Server, type onLoadDocumentPayload } from '@hocuspocus/server';
import { Level } from 'level';
import * as Y from 'yjs';
import { serveUntilParentLeaves } from './serve-until-parent-leaves.ts';

// Bare Hocuspocus that loads documents from LevelDB, the reference for a cold open: on start it
// stores the bytes of BENCH_COLD_FILE under `cold-0` … `cold-<BENCH_COLD_COPIES - 1>`, and
// `onLoadDocument` applies a document's stored bytes, as the Database extension's `fetch` does.
const dataDir = process.env['BENCH_DATA_DIR'];
const file = process.env['BENCH_COLD_FILE'];
if (!dataDir || !file) {
  console.error('hocuspocus-stored-server: BENCH_DATA_DIR and BENCH_COLD_FILE are required');
  process.exit(2);
}
const db = new Level<string, Uint8Array>(dataDir, { keyEncoding: 'utf8', valueEncoding: 'view' });
await db.open();
const bytes = new Uint8Array(await readFile(file));
const copies = Number(process.env['BENCH_COLD_COPIES'] ?? 1);
await db.batch(Array.from({ length: copies }, (_, i) => ({ type: 'put' as const, key: `doc!cold-${i}`, value: bytes })));
const server = new Server({
  port: 0,
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: false,
  extensions: [
    {
      async onLoadDocument({ document, documentName }: onLoadDocumentPayload) {
        const stored = await db.get(`doc!${documentName}`);
        if (stored) Y.applyUpdate(document, stored);
      },
    },
  ],
});
await server.listen();
serveUntilParentLeaves(server.address.port, async () => {
  await server.destroy();
  await db.close();
});
