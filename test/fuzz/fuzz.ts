import { runFuzz } from './run-fuzz.ts';

// `npm run fuzz`: FUZZ_FRAMES (default 100,000), FUZZ_SEED. Talks only to its own server on
// 127.0.0.1 and stops by itself.
const frames = Number(process.env['FUZZ_FRAMES'] ?? 100_000) || 100_000;
const seed = Number(process.env['FUZZ_SEED'] ?? Date.now() % 1_000_000);
console.log(`fuzz: ${frames} hostile frames, seed ${seed}`);
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));
const started = Date.now();
const r = await runFuzz({ frames, seed, log: (line) => console.log(line) });
console.log(`fuzz: ${r.framesSent} frames in ${((Date.now() - started) / 1000).toFixed(0)} s · server ${r.survived ? 'survived' : 'DID NOT SURVIVE'}`);
console.log(`fuzz: server RSS ${r.rssStartMiB.toFixed(0)} MiB before, ${r.rssPeakMiB.toFixed(0)} MiB peak, ${r.rssEndMiB.toFixed(0)} MiB after`);
console.log(`fuzz: a colleague's edit p99 ${r.quietP99Ms.toFixed(1)} ms quiet vs ${r.fuzzP99Ms.toFixed(1)} ms under fuzz (${(r.fuzzP99Ms / r.quietP99Ms).toFixed(2)}×)`);
console.log(`fuzz: the server logged ${r.logLines} lines`);
process.exit(r.survived ? 0 : 1);
