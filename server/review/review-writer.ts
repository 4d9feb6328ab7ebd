import type { Hocuspocus } from '@hocuspocus/server';
import type * as Y from 'yjs';
import { reviewDocName } from '../../shared/review/review-ydoc.ts';
import type { Identity } from '../auth/tokens.ts';
import type { PersistenceExtension } from '../extensions/persistence-extension.ts';

/**
 * Server-side writes to a document or its review document, made on behalf of a verified user:
 * one transaction through a direct connection, so every open client receives it live, history
 * attributes it, and it is in the update log before the caller answers.
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

  private async write<T>(name: string, context: Record<string, unknown>, fn: (doc: Y.Doc) => T): Promise<T> {
    const connection = await this.hocuspocus.openDirectConnection(name, context);
    let result: T | undefined;
    try {
      await connection.transact((doc) => {
        result = fn(doc);
      });
    } finally {
      await connection.disconnect();
    }
    await this.persistence.flush();
    return result as T;
  }
}
