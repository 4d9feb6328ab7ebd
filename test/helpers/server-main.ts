import { fileURLToPath } from 'node:url';
import { SERVER_NODE_FLAGS } from '../../server/runtime-flags.ts';
export { serverEnv } from '../../server/runtime-flags.ts';

/** The server's entry as `npm start` and `npm run serve` run it: the bundle vitest builds first (build-server-bundle.ts). */
const SERVER_MAIN = fileURLToPath(new URL('../../dist/server/main.js', import.meta.url));

/** Node's arguments for the server as `npm run serve` starts it: its flags, then the entry. */
export const SERVER_ARGS: readonly string[] = [...SERVER_NODE_FLAGS, SERVER_MAIN];
