import type { Extension, afterLoadDocumentPayload, afterUnloadDocumentPayload } from '@hocuspocus/server';
import type { OverviewFeed } from '../overview/overview-feed.ts';

/**
 * Tells the overview's live feed which documents are loaded, so it can observe them while someone
 * watches the overview. A load or unload costs a map lookup; no edit passes through here.
 */
export class OverviewExtension implements Extension {
  private readonly feed: () => OverviewFeed | undefined;

  /** `feed` is read late: the feed needs Hocuspocus, which needs this extension. */
  constructor(feed: () => OverviewFeed | undefined) {
    this.feed = feed;
  }

  async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload): Promise<void> {
    this.feed()?.loaded(documentName, document);
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    this.feed()?.unloaded(documentName);
  }
}
