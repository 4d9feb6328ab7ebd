import { fileURLToPath } from 'node:url';

/** The server's entry as `npm start` and `npm run serve` run it: the bundle vitest builds first (build-server-bundle.ts). */
export const SERVER_MAIN = fileURLToPath(new URL('../../dist/server/main.js', import.meta.url));
