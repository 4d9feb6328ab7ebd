import { cpus, freemem, loadavg, platform, release, totalmem } from 'node:os';
import { buildServer } from '../../server/build-server.ts';
import { runColdOpenBench } from './cold-open-bench.ts';
import { runDiffBench } from './diff-bench.ts';
import { runFanoutBench } from './fanout.ts';
import { runGridBench } from './grid-bench.ts';
import { runManyDocsBench } from './many-docs-bench.ts';
import { runOfficeBench } from './office-bench.ts';
import { runScaleOutBench } from './scale-out-bench.ts';
import { runValidationBench } from './validation-bench.ts';
import { runVersionsBench } from './versions-bench.ts';

/** One bench section: prints its own explanation and table. */
interface BenchSection {
  title: string;
  run: () => Promise<void>;
}

/*
 * ─── Sections, run in this order ─────────────────────────────────────────────────────────────
 * Add further benches here (validation, grid render, snapshots …): one file per section under
 * test/bench/, exporting `async function runXxxBench(): Promise<void>` that prints its table.
 */
const SECTIONS: BenchSection[] = [
  { title: 'Fan-out latency and burst throughput (issue 2)', run: runFanoutBench },
  { title: 'Many documents: 200 and 1,000 open, two editors each (issue 15)', run: runManyDocsBench },
  { title: 'Cold open of a stored 50 × 30 document (issue 15)', run: runColdOpenBench },
  { title: 'Validation (issue 3)', run: runValidationBench },
  { title: 'Snapshots (issue 5)', run: runVersionsBench },
  { title: 'Comparing two versions (issue 5)', run: runDiffBench },
  { title: 'Word and Excel export and import (issue 10)', run: runOfficeBench },
  { title: 'Grid in a real Chromium: first render and keystroke-to-paint beside a plain-DOM floor (issues 4, 15)', run: runGridBench },
  { title: 'Scale-out: LevelDB, PostgreSQL, two instances with Redis, 1,000 open documents (issue 13)', run: runScaleOutBench },
];
// ─────────────────────────────────────────────────────────────────────────────────────────────

// Ctrl+C becomes an exit, so the exit hooks (exit-hooks.ts) kill children and remove temp dirs.
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

printMachine();
// The server processes run the bundle `npm start` deploys (servers/jixiao-server.ts), built from the sources now.
await buildServer();
let failed = 0;
// BENCH_ONLY=<words> runs only the sections whose title contains them (e.g. BENCH_ONLY=Fan-out).
const only = process.env['BENCH_ONLY']?.toLowerCase();
for (const section of SECTIONS.filter((s) => !only || s.title.toLowerCase().includes(only))) {
  console.log(`\n## ${section.title}\n`);
  const started = performance.now();
  try {
    await section.run();
  } catch (error) {
    failed++;
    console.error(`Section "${section.title}" failed:`, error);
  }
  console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
process.exitCode = failed ? 1 : 0;
// Everything should be closed by now; if some handle still holds the loop, say so and leave.
setTimeout(() => {
  console.error('bench: something still holds the event loop after all sections; exiting anyway');
  process.exit(process.exitCode ?? 1);
}, 5_000).unref();

function printMachine(): void {
  const cores = cpus();
  const gib = (bytes: number) => (bytes / 2 ** 30).toFixed(1);
  console.log('# jixiao bench');
  console.log(`${new Date().toISOString()} · node ${process.version} · ${platform()} ${release()}`);
  console.log(`${cores.length} cores (${cores[0]?.model.trim() ?? 'unknown'}) · memory ${gib(totalmem())} GiB, ${gib(freemem())} GiB free`);
  console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' / ')} (1/5/15 min; other work on the machine skews the numbers)`);
}
