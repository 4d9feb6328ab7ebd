import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { startJixiaoServer as StartJixiaoServer } from '../../../server/app.ts';
import { serveUntilParentLeaves } from './serve-until-parent-leaves.ts';

// The project's server as deployed: the bundle `npm run build` writes to dist/server (the bench
// builds it first, run.ts), not the TypeScript sources, which Node would strip of types at start-up.
// Auth on, LevelDB persistence in BENCH_DATA_DIR (the parent creates and removes that folder),
// secret BENCH_JWT_SECRET so the parent can sign tokens.
const dataDir = process.env['BENCH_DATA_DIR'];
const jwtSecret = process.env['BENCH_JWT_SECRET'];
if (!dataDir || !jwtSecret) {
  console.error('jixiao-server: BENCH_DATA_DIR and BENCH_JWT_SECRET are required');
  process.exit(2);
}
// BENCH_DATABASE_URL / BENCH_REDIS_URL: the same server on PostgreSQL, linked through Redis (scale-out bench).
const databaseUrl = process.env['BENCH_DATABASE_URL'];
const redisUrl = process.env['BENCH_REDIS_URL'];
// BENCH_SERVER_DIR=<dir> measures another build of the server (say, of the commit before a change).
const serverDir = process.env['BENCH_SERVER_DIR'];
const BUNDLE = serverDir ? pathToFileURL(`${serverDir}/app.js`) : new URL('../../../dist/server/app.js', import.meta.url);
if (!existsSync(BUNDLE)) {
  console.error(`jixiao-server: ${BUNDLE.pathname} is missing: run npm run build (npm run bench builds it)`);
  process.exit(2);
}
// As main.js does before it loads the server: the pooled random source, before Yjs is imported
// (server/pooled-random.ts). A build from before it had none.
const POOLED_RANDOM = new URL('pooled-random.js', BUNDLE);
if (existsSync(POOLED_RANDOM)) ((await import(POOLED_RANDOM.href)) as { installPooledRandomValues: () => void }).installPooledRandomValues();
const { startJixiaoServer } = (await import(BUNDLE.href)) as { startJixiaoServer: typeof StartJixiaoServer };
// The many-documents and scale-out sections have each simulated person open up to 1,000 documents
// at once, each session a new Yjs client id; the per-person budget of new ids (shared/limits.ts,
// one per browser visit that edits, a limit people do not reach) is lifted so they are not refused.
// The check itself still runs on each session's first update.
const limits = { newClientIdBurst: 1_000_000 };
const server = await startJixiaoServer({ host: '127.0.0.1', port: 0, dataDir, jwtSecret, demo: false, limits, ...(databaseUrl ? { databaseUrl } : {}), ...(redisUrl ? { redisUrl } : {}) });
serveUntilParentLeaves(server.port, () => server.stop());
