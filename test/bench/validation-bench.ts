import { IncrementalValidator, validateBudgetText } from '../../shared/rules/index.ts';
import { makeLargeBudgetText } from '../fixtures/make-large-budget-text.ts';
import { formatNumber, formatTable, summarize } from './stats.ts';

const RUNS = 60;

/**
 * Validation of a 50-project, 1,500-row document: from scratch, and again after one cell edit
 * (incremental), beside a reference in the same run — one JSON round trip of the document, the
 * least work any check of it must do. Targets from the issue: full < 50 ms, incremental < 2 ms.
 */
export async function runValidationBench(): Promise<void> {
  const doc = makeLargeBudgetText(50, 30);
  const time = (fn: () => void) => {
    for (let i = 0; i < 10; i++) fn();
    const out: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      fn();
      out.push(performance.now() - t);
    }
    return summarize(out);
  };
  const coldStart = performance.now();
  validateBudgetText(doc);
  const cold = performance.now() - coldStart;
  const full = time(() => validateBudgetText(doc));
  const validator = new IncrementalValidator();
  validator.validate(doc);
  let n = 0;
  const incremental = time(() => {
    const p = doc.projects[n % doc.projects.length]!;
    const row = p.indicators[n++ % p.indicators.length]!;
    const edited = { ...doc, projects: doc.projects.map((x) => (x === p ? { ...p, indicators: p.indicators.map((r) => (r === row ? { ...r, value: `≥${n % 100}%` } : r)) } : x)) };
    validator.validate(edited, [p.id]);
  });
  const reference = time(() => JSON.parse(JSON.stringify(doc)));
  const row = (name: string, s: ReturnType<typeof summarize>, target: string) => [name, formatNumber(s.p50, 2), formatNumber(s.p99, 2), target];
  console.log(`50 projects × 30 rows; ${RUNS} runs each after warm-up (ms). First run in this process: ${formatNumber(cold, 1)} ms.\n`);
  console.log(
    formatTable(
      ['case', 'p50', 'p99', 'target'],
      [row('full validation', full, '< 50'), row('after one cell edit (incremental)', incremental, '< 2'), row('reference: JSON round trip of the document', reference, '–')],
    ),
  );
}

if (import.meta.main) await runValidationBench();
