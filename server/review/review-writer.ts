import type { Hocuspocus } from '@hocuspocus/server';
import type * as Y from 'yjs';
import { reviewDocName } from '../../shared/review/review-ydoc.ts';
import type { Identity } from '../auth/tokens.ts';
import type { PersistenceExtension } from '../extensions/persistence-extension.ts';
import { writeDurably } from '../collab/write-durably.ts';

/**
 * Server-side writes to a document or its review document, made on behalf of a verified user:
 * one transaction through a direct connection, so every open client receives it live, history
 * attributes it, and it is synced to the update log before anyone sees it (writeDurably); a
 * failed store rejects with STORAGE_FAILED and changes nothing.
 */
export class ReviewWriter {
  private readonly hocuspocus: Hocuspocus;
  private readonly persistence: PersistenceExtension;

  constructor(hocuspocus: Hocuspocus, persistence: PersistenceExtension) {
    this.hocuspocus = hocuspocus;
    this.persistence = persistence;
  }

  /** Changes the review document `<docId>.review`. */
  review<T>(docId: string, user: Identity, fn: (doc: Y.Doc) => T): Promise<T> {
    return this.write(reviewDocName(docId), { user }, fn);
  }

  /** Changes the content document; `suggestedBy` credits the reviewer whose suggestion it applies. */
  content<T>(docId: string, user: Identity, fn: (doc: Y.Doc) => T, suggestedBy?: { sub: string; name: string }): Promise<T> {
    return this.write(docId, { user, ...(suggestedBy ? { suggestedBy } : {}) }, fn);
  }

  private write<T>(name: string, context: Record<string, unknown>, fn: (doc: Y.Doc) => T): Promise<T> {
    return writeDurably(this.hocuspocus, this.persistence, name, context, fn);
  }
}
