import { parentPort } from 'node:worker_threads';
import { importBudgetText } from '../../shared/import/index.ts';
import { importFileBytes } from '../office/import-file-bytes.ts';

// Runs one import off the main thread: a pathological file then costs its own thread, never the
// event loop that serves every editor's keystrokes.
parentPort?.on('message', (source: string | Uint8Array) => {
  void (typeof source === 'string' ? Promise.resolve(importBudgetText(source)) : importFileBytes(source)).then((result) => {
    parentPort?.postMessage(result.ok ? { ok: true, value: result.value } : { ok: false, error: result.error.toJSON().error });
  });
});
