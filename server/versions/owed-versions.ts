import type { DocStore } from '../storage/doc-store.ts';

const keyOf = (docId: string) => `v1!doc!${docId}!owed`;
const encoder = new TextEncoder();

/**
 * Changed documents still without an automatic version, remembered in the store
 * (`v1!doc!<id>!owed`): a server that stops past its folding time, or dies, before it took one
 * takes it once the document is next opened (AutoSnapshotExtension). The record is written when a
 * document first changes after a version and settled (`since: null`) when one is taken, both with
 * the next commit of the update log: no write of their own, and in the order they were made, so a
 * version taken right after the change is never followed by a stale "owed".
 */
export class OwedVersions {
  private readonly store: DocStore;

  constructor(store: DocStore) {
    this.store = store;
  }

  /** Document `docId` changed at `since` (ms) and no version holds that change yet. */
  note(docId: string, since: number): void {
    this.write(docId, since);
  }

  /** A version of `docId` now holds every change so far. */
  settle(docId: string): void {
    this.write(docId, null);
  }

  /** Since when `docId` has changes no version holds (ms), or null. */
  async read(docId: string): Promise<number | null> {
    const raw = await this.store.db.get(keyOf(docId));
    if (!raw) return null;
    const since = (JSON.parse(new TextDecoder().decode(raw)) as { since?: unknown }).since;
    return typeof since === 'number' && Number.isFinite(since) ? since : null;
  }

  private write(docId: string, since: number | null): void {
    this.store
      .putWithNextCommit([{ type: 'put', key: keyOf(docId), value: encoder.encode(JSON.stringify({ since })) }])
      .catch((error: unknown) => console.error(`jixiao: failed to note whether ${docId} is owed an automatic version: ${String(error)}`));
  }
}
