import { Worker } from 'node:worker_threads';
import { readLimit } from '../../shared/limits.ts';
import { JixiaoError, type Result } from '../../shared/errors.ts';
import { serverFile } from '../server-files.ts';
import type { ImportReport } from '../../shared/import/index.ts';
import type { BudgetText } from '../../shared/model/budget-text-schema.ts';

/** Longest an import may run before it is abandoned (real files take well under a second). */
const IMPORT_TIMEOUT_MS = 20_000;

/**
 * Memory one import may use. A zip is checked against its limits before inflating (shared/office/read-zip.ts);
 * this cap is the backstop for whatever the checks miss: the worker dies, the server and its editors do not.
 * The old-generation heap is the `importWorkerHeapMb` limit (shared/limits.ts, IMPORT_WORKER_HEAP_MB).
 */
const IMPORT_RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 64, stackSizeMb: 4 } as const;

type WorkerReply = { ok: true; value: { doc: BudgetText; report: ImportReport } } | { ok: false; error: { code: JixiaoError['code']; zh: string; en: string; details?: unknown } };

/**
 * Imports a file in a worker thread with a time and memory limit: `source` is the raw bytes of a .docx, .xlsx
 * or text export (recognised by content, server/office/import-file-bytes.ts) or already decoded text. A
 * timeout, a crash or running out of memory becomes an IMPORT_FAILED error.
 */
export function importInWorker(source: string | Uint8Array, timeoutMs = IMPORT_TIMEOUT_MS): Promise<Result<{ doc: BudgetText; report: ImportReport }>> {
  return new Promise((resolve) => {
    // A file that explodes in the parser kills its worker (ERR_WORKER_OUT_OF_MEMORY), not the server.
    const worker = new Worker(serverFile('./import/import-worker.ts', './import-worker.js'), {
      resourceLimits: { ...IMPORT_RESOURCE_LIMITS, maxOldGenerationSizeMb: readLimit('importWorkerHeapMb') },
    });
    let done = false;
    const finish = (r: Result<{ doc: BudgetText; report: ImportReport }>) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(r);
    };
    const failed = (zh: string, en: string, details?: string) => finish({ ok: false, error: new JixiaoError({ code: 'IMPORT_FAILED', zh, en, ...(details === undefined ? {} : { details }) }) });
    const timer = setTimeout(() => failed('文件过于复杂，导入超时', 'Import timed out: the file is too complex'), timeoutMs);
    worker.once('message', (reply: WorkerReply) => finish(reply.ok ? reply : { ok: false, error: new JixiaoError(reply.error) }));
    worker.once('error', (e) => {
      const oom = (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
      if (oom) failed('文件解析所需内存超出限制，已停止导入。', 'Reading the file needed more memory than allowed; the import was stopped.');
      else failed('导入失败', 'Import failed', String(e));
    });
    worker.once('exit', () => failed('导入失败', 'Import failed', 'worker exited'));
    worker.postMessage(source);
  });
}
