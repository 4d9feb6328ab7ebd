import type { Extension, afterLoadDocumentPayload, afterUnloadDocumentPayload } from '@hocuspocus/server';
import type { HistoryRecorder } from '../history/history-recorder.ts';

/** Records per-cell history for every document while it is loaded on this server. */
export class HistoryExtension implements Extension {
  private readonly recorder: HistoryRecorder;
  private readonly detach = new Map<string, () => void>();

  constructor(recorder: HistoryRecorder) {
    this.recorder = recorder;
  }

  async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload): Promise<void> {
    if (documentName.endsWith('.review')) return;
    this.detach.get(documentName)?.();
    this.detach.set(documentName, this.recorder.attach(documentName, document));
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    this.detach.get(documentName)?.();
    this.detach.delete(documentName);
    await this.recorder.flush();
  }
}
