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

/**
 * Environment settings the server process starts with unless the operator set them (`npm start`
 * and `npm run serve` pass them as `NAME=${NAME:-value}`; the tests and benches that start the
 * server as a process pass the same, {@link serverEnv}).
 *
 * `MALLOC_ARENA_MAX=2`: glibc gives every thread that calls malloc an arena of its own, up to 8
 * per core, and keeps what was freed in it. LevelDB writes its memtable and batches from libuv's
 * worker threads, so each of the four took an arena. With two arenas the server held 5–11 MiB less
 * after the 20-client burst of the fan-out bench (three interleaved A/Bs of 6 rounds: 148.5 →
 * 143.8, 150.6 → 139.7 MiB), with no more CPU per edit (bench README, issue 15's eighth pass).
 */
export const SERVER_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' };

/** `env` with {@link SERVER_ENV}'s settings added where `env` does not set them. */
export function serverEnv<T extends Record<string, string | undefined>>(env: T): T & Record<string, string | undefined> {
  return { ...SERVER_ENV, ...env };
}
