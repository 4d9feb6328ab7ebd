import { JixiaoError } from '../../shared/errors.ts';
import type { DraftLineage } from '../../shared/rollover/previous-values.ts';
import type { KvStore } from './kv-store.ts';

/*
 * What ties next year's draft to the document it was made from, beside the documents (never in
 * the canonical JSON, so export, import and copy do not carry it):
 *   v1!lineage!<draftId>   JSON DocLineage, written once, synced, before the draft exists
 * Ids are validated before they reach a key. A draft whose previous document was deleted keeps
 * its record; readers treat a previous id that no longer opens as no previous year.
 */

/** The link of one draft: the previous document and each new project's and row's origin there. */
export interface DocLineage extends DraftLineage {
  /** Id of the document the draft was made from. */
  previous: string;
  /** When the draft was made (ISO 8601). */
  createdAt: string;
}

const P = 'v1!lineage!';

/** Durable store of next-year links, on the shared key-value store. */
export class LineageStore {
  private readonly db: KvStore;

  constructor(db: KvStore) {
    this.db = db;
  }

  /** The lineage of document `docId`, or null for a document not made by next-year. */
  async get(docId: string): Promise<DocLineage | null> {
    const raw = await this.db.get(`${P}${docId}`);
    return raw === undefined ? null : (JSON.parse(new TextDecoder().decode(raw)) as DocLineage);
  }

  /** Records the lineage of draft `docId` (synced); rejects with STORAGE_FAILED. */
  async put(docId: string, lineage: DocLineage): Promise<void> {
    try {
      await this.db.put(`${P}${docId}`, new TextEncoder().encode(JSON.stringify(lineage)), { sync: true });
    } catch (cause) {
      throw new JixiaoError({ code: 'STORAGE_FAILED', zh: '保存失败，请稍后重试', en: 'Saving failed; please retry', details: String(cause) });
    }
  }
}
