import { createHash } from 'node:crypto';
import { prefixEnd, type KvStore } from './kv-store.ts';
import { JixiaoError } from '../../shared/errors.ts';
import { SCHEMA_VERSION, type BudgetText, type Project } from '../../shared/model/budget-text-schema.ts';

/*
 * Versions are stored as content-addressed pieces, so a snapshot after a small edit costs one
 * project's JSON plus a manifest, not a copy of the whole document:
 *   v1!blob!<sha256>                  JSON of one project, or of the document head (meta + overview)
 *   v1!doc!<id>!ver!<vid>             JSON VersionManifest; vid sorts by creation time
 */

/** Why a version was taken. */
export type VersionKind = 'manual' | 'auto' | 'restore' | 'status';

/** What a version list shows. */
export interface VersionMeta {
  id: string;
  label: string;
  kind: VersionKind;
  author: { sub: string; name: string };
  createdAt: string;
  /** Validation findings at that moment. */
  summary: { errors: number; warnings: number; infos: number };
  /** Bytes this version added to the store (manifest + pieces not stored before). */
  bytes: number;
}

interface VersionManifest extends VersionMeta {
  schemaVersion: number;
  head: string;
  projects: string[];
  /** Comment threads at that moment, if they were saved with the version. */
  review?: string;
}

type Head = Omit<BudgetText, 'projects'>;

/** Durable, deduplicated snapshots of budget documents in the shared key-value store. */
export class VersionStore {
  private readonly db: KvStore;
  private lastStamp = 0;

  constructor(db: KvStore) {
    this.db = db;
  }

  /** Stores `text` as a new version of document `docId`; returns its meta. */
  async save(docId: string, text: BudgetText, meta: Omit<VersionMeta, 'id' | 'createdAt' | 'bytes'>, review?: unknown, now = new Date()): Promise<VersionMeta> {
    const { projects, ...head } = text;
    const pieces = [encode(head), ...projects.map((p) => encode(p)), ...(review === undefined ? [] : [encode(review)])];
    const hashes = pieces.map((bytes) => createHash('sha256').update(bytes).digest('hex'));
    const ops: Array<{ type: 'put'; key: string; value: Uint8Array }> = [];
    let bytes = 0;
    // One read for all pieces: one round trip on PostgreSQL, not one per project.
    const stored = await this.db.getMany(hashes.map((h) => `v1!blob!${h}`));
    for (let i = 0; i < pieces.length; i++) {
      const key = `v1!blob!${hashes[i]}`;
      if (ops.some((o) => o.key === key) || stored[i] !== undefined) continue;
      ops.push({ type: 'put', key, value: pieces[i] as Uint8Array });
      bytes += key.length + (pieces[i] as Uint8Array).length;
    }
    const id = this.nextId(now);
    const manifest: VersionManifest = { ...meta, id, createdAt: now.toISOString(), bytes: 0, schemaVersion: SCHEMA_VERSION, head: hashes[0] as string, projects: hashes.slice(1, 1 + projects.length), ...(review === undefined ? {} : { review: hashes[hashes.length - 1] as string }) };
    const manifestKey = `v1!doc!${docId}!ver!${id}`;
    manifest.bytes = bytes + manifestKey.length + encode(manifest).length;
    ops.push({ type: 'put', key: manifestKey, value: encode(manifest) });
    try {
      await this.db.batch(ops);
    } catch (cause) {
      throw new JixiaoError({ code: 'STORAGE_FAILED', zh: '保存版本失败', en: 'Saving the version failed', details: String(cause) });
    }
    return toMeta(manifest);
  }

  /** Versions of a document, newest first. */
  async list(docId: string): Promise<VersionMeta[]> {
    const out: VersionMeta[] = [];
    const prefix = `v1!doc!${docId}!ver!`;
    for await (const value of this.db.values({ gt: prefix, lt: prefixEnd(prefix), reverse: true })) out.push(toMeta(decode(value) as VersionManifest));
    return out;
  }

  /** One version's meta, or null. */
  async getMeta(docId: string, versionId: string): Promise<VersionMeta | null> {
    const m = await this.manifest(docId, versionId);
    return m ? toMeta(m) : null;
  }

  /** One version as canonical JSON, or null if there is no such version. */
  async load(docId: string, versionId: string): Promise<BudgetText | null> {
    const m = await this.manifest(docId, versionId);
    if (!m) return null;
    const head = (await this.blob(m.head)) as Head;
    const projects = (await Promise.all(m.projects.map((h) => this.blob(h)))) as Project[];
    return { ...head, projects };
  }

  /** The comment threads saved with a version ([] when it has none), or null if no such version. */
  async loadReview(docId: string, versionId: string): Promise<unknown[] | null> {
    const m = await this.manifest(docId, versionId);
    if (!m) return null;
    return m.review ? ((await this.blob(m.review)) as unknown[]) : [];
  }

  private async manifest(docId: string, versionId: string): Promise<VersionManifest | null> {
    if (!/^[0-9a-z-]{1,40}$/.test(versionId)) return null;
    const raw = await this.db.get(`v1!doc!${docId}!ver!${versionId}`);
    return raw ? (decode(raw) as VersionManifest) : null;
  }

  private async blob(hash: string): Promise<unknown> {
    const raw = await this.db.get(`v1!blob!${hash}`);
    if (!raw) throw new JixiaoError({ code: 'STORAGE_FAILED', zh: '版本数据缺失', en: 'Version data is missing', details: hash });
    return decode(raw);
  }

  /** Ids sort by time: 11 base-36 digits of milliseconds, bumped so two in one ms stay ordered. */
  private nextId(now: Date): string {
    this.lastStamp = Math.max(this.lastStamp + 1, now.getTime());
    return `${this.lastStamp.toString(36).padStart(11, '0')}-${Math.random().toString(36).slice(2, 6)}`;
  }
}

function toMeta(m: VersionManifest): VersionMeta {
  return { id: m.id, label: m.label, kind: m.kind, author: m.author, createdAt: m.createdAt, summary: m.summary, bytes: m.bytes };
}

function encode(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}

function decode(bytes: Uint8Array): unknown {
  return JSON.parse(new TextDecoder().decode(bytes));
}
