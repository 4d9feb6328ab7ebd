import type { Extension, onChangePayload } from '@hocuspocus/server';

const REVIEW_SUFFIX = '.review';

/**
 * With several instances, a status or membership change made on another instance reaches this
 * one as a change of `<id>.review` from Redis; the connections open here are then re-evaluated
 * (read-only flips, access message), as the instance that made the change did for its own.
 */
export class RemoteAccessExtension implements Extension {
  private readonly refresh: (docId: string) => Promise<void>;

  constructor(refresh: (docId: string) => Promise<void>) {
    this.refresh = refresh;
  }

  async onChange({ documentName, transactionOrigin }: onChangePayload): Promise<void> {
    if ((transactionOrigin as { source?: string } | undefined)?.source !== 'redis' || !documentName.endsWith(REVIEW_SUFFIX)) return;
    await this.refresh(documentName.slice(0, -REVIEW_SUFFIX.length)).catch((error: unknown) =>
      console.error(`jixiao: re-evaluating access to ${documentName} failed: ${String(error)}`),
    );
  }
}
