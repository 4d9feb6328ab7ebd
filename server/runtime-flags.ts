/**
 * The Node flags the server runs with: `npm start` and `npm run serve` pass them (package.json;
 * test/server/runtime-flags.test.ts keeps the two in step), and the tests and benches that start
 * the server as a process pass the same.
 *
 * `--max-semi-space-size=16` (MiB): V8 grows the young generation's two semi-spaces with the load,
 * on a machine with this much memory up to 64 MiB each, and keeps them resident. With 1,000 open
 * documents that was ~75 MiB more than with this cap, for no gain in edit latency (p99 22–27 ms
 * either way). 16 MiB is what this server reaches during its own start-up; 8 MiB (where bare
 * Hocuspocus settles) saved another ~10 MiB at 20 clients but took 352 scavenges instead of 181
 * with 1,000 documents open and raised their edit p99 to 53–87 ms (README, decision log "A capped
 * young generation").
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=16'];
