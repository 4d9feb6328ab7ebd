import { parentPort } from 'node:worker_threads';
import type { BudgetText } from '../../shared/model/budget-text-schema.ts';
import { writeBudgetDocx } from '../../shared/office/index.ts';
import { writeBudgetXlsx } from './write-budget-xlsx.ts';

// Writes one export off the main thread: a large document takes a good part of a second to lay out,
// which must not delay anyone's keystrokes.
parentPort?.on('message', ({ doc, format }: { doc: BudgetText; format: 'docx' | 'xlsx' }) => {
  void (format === 'docx' ? writeBudgetDocx(doc) : writeBudgetXlsx(doc)).then(
    (bytes) => parentPort?.postMessage({ ok: true, bytes }, [bytes.buffer as ArrayBuffer]),
    (error: unknown) => parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
});
