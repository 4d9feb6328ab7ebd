import { Worker } from 'node:worker_threads';
import { JixiaoError } from '../../shared/errors.ts';
import { serverFile } from '../server-files.ts';
import type { BudgetText } from '../../shared/model/budget-text-schema.ts';

/** Export formats: Word and Excel. */
export type ExportFormat = 'docx' | 'xlsx';

/** Content type of each export format. */
export const EXPORT_CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const EXPORT_TIMEOUT_MS = 30_000;

/** Writes `doc` as a .docx or .xlsx in a worker thread (time-limited); a failure is a STORAGE_FAILED error (the document is valid, so it is ours). */
export function exportInWorker(doc: BudgetText, format: ExportFormat): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(serverFile('./office/export-worker.ts', './export-worker.js'), { resourceLimits: { maxOldGenerationSizeMb: 1024 } });
    let done = false;
    const finish = (result: Uint8Array | string): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      void worker.terminate();
      if (typeof result !== 'string') resolve(result);
      else reject(new JixiaoError({ code: 'STORAGE_FAILED', zh: '导出文件失败', en: 'Writing the export failed', details: result }));
    };
    const timer = setTimeout(() => finish('timeout'), EXPORT_TIMEOUT_MS);
    worker.once('message', (reply: { ok: true; bytes: Uint8Array } | { ok: false; message: string }) => finish(reply.ok ? reply.bytes : reply.message));
    worker.once('error', (error) => finish(String(error)));
    worker.once('exit', () => finish('worker exited'));
    worker.postMessage({ doc, format });
  });
}
