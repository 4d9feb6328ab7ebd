import { diffBudgetTexts } from '../../shared/diff/index.ts';
import { makeLargeBudgetText } from '../fixtures/make-large-budget-text.ts';
import { formatNumber, summarize } from './stats.ts';
import { reviseBudgetText } from '../shared/diff/revise-budget-text.ts';

/** Target of the issue: one diff of two versions of a 50-project, 1,500-row document. */
const TARGET_MS = 50;
const RUNS = 200;

/**
 * Times `diffBudgetTexts` on a 50-project × 30-row document in four cases and prints one
 * table row per case (median, 99th percentile, worst of {@link RUNS} runs) beside the target.
 * Run alone with `node test/bench/diff-bench.ts`, or as a section of `npm run bench`.
 */
export async function runDiffBench(): Promise<void> {
  const base = makeLargeBudgetText(50, 30);
  const cases: Array<[string, ReturnType<typeof makeLargeBudgetText>]> = [
    ['identical versions', structuredClone(base)],
    ['~190 cells, 38 rows each added/removed/moved', reviseBudgetText(base, 200, 42).text],
    ['same edits, two imports (code matching)', reviseBudgetText(base, 200, 42, true).text],
    ['nearly every row edited', reviseBudgetText(base, 20_000, 7).text],
  ];
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`diffBudgetTexts, 50 projects × 30 rows, ${RUNS} runs each (ms)\n`);
  out('| case | p50 | p99 | max | target |');
  out('|---|---:|---:|---:|---:|');
  for (const [name, to] of cases) {
    for (let i = 0; i < 20; i++) diffBudgetTexts(base, to); // warm the JIT
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      diffBudgetTexts(base, to);
      times.push(performance.now() - started);
    }
    const s = summarize(times);
    out(`| ${name} | ${formatNumber(s.p50, 2)} | ${formatNumber(s.p99, 2)} | ${formatNumber(s.max, 2)} | < ${TARGET_MS} |`);
  }
}

if (import.meta.main) await runDiffBench();
