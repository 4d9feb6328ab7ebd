import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { JixiaoError } from '../../shared/errors.ts';
import { CuratedIndicatorSchema, type CuratedIndicator } from '../../shared/library/index.ts';
import type { KvStore } from './kv-store.ts';

/*
 * The curated 共性指标 list an admin imported, beside the documents in the shared key-value store:
 *   v1!library!curated!head    JSON {stamp, importedAt, importedBy, count}: which list is current
 *   v1!library!curated!items   JSON CuratedIndicator[]: the list itself
 * Both keys are written in one synced batch, so a reader sees the old list or the new one, never a
 * mix; `stamp` changes with every import, so a reader re-reads the (larger) items only then.
 */
const HEAD = 'v1!library!curated!head';
const ITEMS = 'v1!library!curated!items';

const HeadSchema = z.object({ stamp: z.string(), importedAt: z.string(), importedBy: z.string(), count: z.number().int() });
/** Which curated list is current: a stamp new with every import, when and by whom. */
export type CuratedHead = z.infer<typeof HeadSchema>;

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const decode = (bytes: Uint8Array): unknown => JSON.parse(new TextDecoder().decode(bytes));

/** Durable store of the curated indicator list; a failed write is STORAGE_FAILED and changes nothing. */
export class CuratedStore {
  private readonly db: KvStore;

  constructor(db: KvStore) {
    this.db = db;
  }

  /** The current list's head, or null before any import. */
  async head(): Promise<CuratedHead | null> {
    const raw = await this.db.get(HEAD);
    return raw === undefined ? null : HeadSchema.parse(decode(raw));
  }

  /** The current list (empty before any import). */
  async items(): Promise<CuratedIndicator[]> {
    const raw = await this.db.get(ITEMS);
    return raw === undefined ? [] : z.array(CuratedIndicatorSchema).parse(decode(raw));
  }

  /** Replaces the list with `items` at once; resolves to the new head once it is durable. */
  async replace(items: readonly CuratedIndicator[], by: string): Promise<CuratedHead> {
    const importedAt = new Date().toISOString();
    const head: CuratedHead = { stamp: `${importedAt}:${randomUUID()}`, importedAt, importedBy: by, count: items.length };
    try {
      await this.db.batch(
        [
          { type: 'put', key: ITEMS, value: encode(items) },
          { type: 'put', key: HEAD, value: encode(head) },
        ],
        { sync: true },
      );
    } catch (cause) {
      throw new JixiaoError({ code: 'STORAGE_FAILED', zh: '保存失败，请稍后重试', en: 'Saving failed; please retry', details: String(cause) });
    }
    return head;
  }
}
