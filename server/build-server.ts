import { rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** Where `npm run build` puts the server; `npm start` and `npm run serve` run dist/server/main.js. */
const SERVER_BUNDLE_DIR = 'dist/server';

/**
 * Bundles the server into plain JavaScript (esbuild; npm packages stay in node_modules): the
 * entry `main.js`, `app.js` (startJixiaoServer, for the benchmarks' server processes, which run
 * `pooled-random.js` first, as main does) and the
 * import and export workers, sharing chunks. Running it instead of the TypeScript sources spares
 * Node stripping types from ~300 modules at every start: ~13 MiB less memory for as long as the
 * server runs, and a faster start. Not minified, so stack traces stay readable.
 */
export async function buildServer(outdir = SERVER_BUNDLE_DIR): Promise<void> {
  // Chunks are named by content: the last build's would pile up beside this one's.
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: {
      main: 'server/main.ts',
      app: 'server/app.ts',
      // Installed first by processes that start the server from app.js (the benches), as main does.
      'pooled-random': 'server/pooled-random.ts',
      'export-worker': 'server/office/export-worker.ts',
      'import-worker': 'server/import/import-worker.ts',
    },
    outdir,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    logLevel: 'warning',
  });
}

// `node server/build-server.ts` (part of `npm run build`).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await buildServer();
