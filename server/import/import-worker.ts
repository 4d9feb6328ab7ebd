import { parentPort } from 'node:worker_threads';
import { importBudgetText } from '../../shared/import/index.ts';

// Runs one import off the main thread: a pathological file then costs its own thread, never the
// event loop that serves every editor's keystrokes.
parentPort?.on('message', (source: string) => {
  const result = importBudgetText(source);
  parentPort?.postMessage(result.ok ? { ok: true, value: result.value } : { ok: false, error: result.error.toJSON().error });
});
