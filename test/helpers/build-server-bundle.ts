import { buildServer } from '../../server/build-server.ts';

/**
 * vitest global setup: builds the server bundle (dist/server) from the sources before any test, so
 * the tests that start the server as a process (`server-process.ts`, the start-up tests) run what
 * `npm start` deploys, never a stale build.
 */
export default async function setup(): Promise<void> {
  await buildServer();
}
