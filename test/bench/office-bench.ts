import { importFileBytes } from '../../server/office/import-file-bytes.ts';
import { writeBudgetXlsx } from '../../server/office/write-budget-xlsx.ts';
import { BudgetTextSchema } from '../../shared/model/budget-text-schema.ts';
import { importDocx, writeBudgetDocx } from '../../shared/office/index.ts';
import { makeLargeBudgetText } from '../fixtures/make-large-budget-text.ts';
import { formatNumber, formatRatio, formatTable, summarize } from './stats.ts';

const RUNS = 7;

async function timeRuns(run: () => Promise<unknown> | unknown): Promise<number> {
  await run(); // warm-up: module loading and JIT are not what a user waits for twice
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  return summarize(times).p50;
}

/**
 * Export and import of a 50-project × 30-row document as .docx and .xlsx (median of 7 runs after a warm-up),
 * beside the JSON round trip of the same document (stringify + parse + schema check) as the reference.
 */
export async function runOfficeBench(): Promise<void> {
  const doc = makeLargeBudgetText(50, 30);
  const docx = await writeBudgetDocx(doc);
  const xlsx = await writeBudgetXlsx(doc);
  const json = await timeRuns(() => BudgetTextSchema.parse(JSON.parse(JSON.stringify(doc))));
  const rows: [string, number, number][] = [
    ['export .docx', await timeRuns(() => writeBudgetDocx(doc)), docx.length],
    ['import .docx', await timeRuns(() => {
      if (!importDocx(docx).ok) throw new Error('docx import failed');
    }), docx.length],
    ['export .xlsx', await timeRuns(() => writeBudgetXlsx(doc)), xlsx.length],
    ['import .xlsx', await timeRuns(async () => {
      if (!(await importFileBytes(xlsx)).ok) throw new Error('xlsx import failed');
    }), xlsx.length],
  ];
  console.log('50 projects × 30 rows (1,500 indicator rows); median of 7 runs after a warm-up, in one process (no worker start-up).\n');
  console.log(formatTable(
    ['measure', 'jixiao (ms)', 'file (KiB)', 'reference: JSON round trip (ms)', 'ratio', 'target'],
    rows.map(([name, ms, bytes]) => [name, formatNumber(ms, 0), formatNumber(bytes / 1024, 0), formatNumber(json, 1), formatRatio(ms, json), '< 1000 ms']),
  ));
}

if (import.meta.main) await runOfficeBench();
