import { createHash } from 'node:crypto';
import type { KvStore } from './kv-store.ts';

/** What a key holds, for the counts of a copy. */
type Kind = 'documents' | 'reviewDocuments' | 'bases' | 'updates' | 'versions' | 'owedVersions' | 'blobs' | 'history' | 'clientIds' | 'documentOrganisations' | 'grants' | 'assignments' | 'audit' | 'peopleSeen' | 'people' | 'other';

/** Per kind: how many keys and the SHA-256 of their keys and values in key order. */
export type StoreDigest = Record<Kind, { count: number; sha256: string }>;

const KINDS: readonly Kind[] = ['documents', 'reviewDocuments', 'bases', 'updates', 'versions', 'owedVersions', 'blobs', 'history', 'clientIds', 'documentOrganisations', 'grants', 'assignments', 'audit', 'peopleSeen', 'people', 'other'];
/** The kinds of server/storage/org-store.ts, by the segment after `v1!org!`. */
const ORG_KINDS: Record<string, Kind> = { doc: 'documentOrganisations', grant: 'grants', assign: 'assignments', audit: 'audit', seen: 'peopleSeen' };

function kindOf(key: string): Kind {
  if (key.startsWith('v1!blob!')) return 'blobs';
  if (key.startsWith('v1!cid!')) return 'clientIds';
  if (key.startsWith('v1!person!')) return 'people';
  if (key.startsWith('v1!org!')) return ORG_KINDS[key.split('!')[2] ?? ''] ?? 'other';
  if (!key.startsWith('v1!doc!')) return 'other';
  const parts = key.split('!');
  if (parts[3] === 'meta' && parts.length === 4) return parts[2]?.endsWith('.review') ? 'reviewDocuments' : 'documents';
  if (parts[3] === 'base') return 'bases';
  if (parts[3] === 'u') return 'updates';
  if (parts[3] === 'ver') return 'versions';
  if (parts[3] === 'owed' && parts.length === 4) return 'owedVersions';
  if (parts[3] === 'h') return 'history';
  return 'other';
}

/** Counts and hashes every key of a store by kind (keys and values, in key order). */
export async function digestStore(store: KvStore): Promise<StoreDigest> {
  const hashes = new Map(KINDS.map((k) => [k, { count: 0, hash: createHash('sha256') }]));
  for await (const [key, value] of store.iterator({})) {
    const h = hashes.get(kindOf(key)) as { count: number; hash: ReturnType<typeof createHash> };
    h.count++;
    // Length-prefixed, so no two different key/value sequences hash alike.
    h.hash.update(`${Buffer.byteLength(key)}:${key}${value.length}:`).update(value);
  }
  return Object.fromEntries(KINDS.map((k) => [k, { count: hashes.get(k)?.count ?? 0, sha256: hashes.get(k)?.hash.digest('hex') ?? '' }])) as StoreDigest;
}

/** Copies every key of `from` into `to` in synced batches of `batchSize`; returns how many. */
export async function copyStore(from: KvStore, to: KvStore, batchSize = 500): Promise<number> {
  let batch: Array<{ type: 'put'; key: string; value: Uint8Array }> = [];
  let copied = 0;
  for await (const [key, value] of from.iterator({})) {
    batch.push({ type: 'put', key, value });
    if (batch.length >= batchSize) {
      await to.batch(batch, { sync: true });
      copied += batch.length;
      batch = [];
    }
  }
  if (batch.length) await to.batch(batch, { sync: true });
  return copied + batch.length;
}
