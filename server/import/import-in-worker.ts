import { Worker } from 'node:worker_threads';
import { readLimit } from '../../shared/limits.ts';
import { JixiaoError, type Result } from '../../shared/errors.ts';
import type { ImportReport } from '../../shared/import/index.ts';
import type { BudgetText } from '../../shared/model/budget-text-schema.ts';

/** Longest an import may run before it is abandoned (real files take well under a second). */
const IMPORT_TIMEOUT_MS = 20_000;

type WorkerReply = { ok: true; value: { doc: BudgetText; report: ImportReport } } | { ok: false; error: { code: JixiaoError['code']; zh: string; en: string } };

/** Imports `source` in a worker thread; a timeout or crash becomes an IMPORT_FAILED error. */
export function importInWorker(source: string, timeoutMs = IMPORT_TIMEOUT_MS): Promise<Result<{ doc: BudgetText; report: ImportReport }>> {
  return new Promise((resolve) => {
    // A file that explodes in the parser kills its worker (ERR_WORKER_OUT_OF_MEMORY), not the server.
    const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: readLimit('importWorkerHeapMb') } });
    const finish = (r: Result<{ doc: BudgetText; report: ImportReport }>) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(r);
    };
    const timer = setTimeout(
      () => finish({ ok: false, error: new JixiaoError({ code: 'IMPORT_FAILED', zh: '文件过于复杂，导入超时', en: 'Import timed out: the file is too complex' }) }),
      timeoutMs,
    );
    worker.once('message', (reply: WorkerReply) => finish(reply.ok ? reply : { ok: false, error: new JixiaoError(reply.error) }));
    worker.once('error', (e) => finish({ ok: false, error: new JixiaoError({ code: 'IMPORT_FAILED', zh: '导入失败', en: 'Import failed', details: String(e) }) }));
    worker.postMessage(source);
  });
}
