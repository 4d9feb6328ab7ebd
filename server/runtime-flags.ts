/**
 * The Node flags the server runs with: `npm start` and `npm run serve` pass them (package.json;
 * test/server/runtime-flags.test.ts keeps the two in step), and the tests and benches that start
 * the server as a process pass the same.
 *
 * `--max-semi-space-size=8` (MiB): V8 grows the young generation's two semi-spaces with the heap,
 * to 16 MiB each after this server's start-up and to 64 MiB each under a heavy load on a machine
 * with this much memory; once grown they stay resident. 8 MiB is the size bare Hocuspocus settles
 * at. Measured: ~12–16 MiB less resident memory after a burst of edits at 20 clients, and no
 * difference in CPU per edit (README, decision log "A capped young generation").
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8'];
