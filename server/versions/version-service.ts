import type { Hocuspocus } from '@hocuspocus/server';
import { JixiaoError } from '../../shared/errors.ts';
import { diffBudgetTexts, type BudgetDiff } from '../../shared/diff/index.ts';
import { readDocSettings } from '../../shared/model/doc-settings.ts';
import { toBudgetJson } from '../../shared/model/budget-ydoc.ts';
import { reconcileBudgetYDoc } from '../../shared/model/reconcile-budget-ydoc.ts';
import { loadRules } from '../validation/load-rules.ts';
import type { DocService } from '../docs/doc-service.ts';
import { readReview, reviewDocName } from '../../shared/review/review-ydoc.ts';
import type { PersistenceExtension } from '../extensions/persistence-extension.ts';
import { writeDurably } from '../collab/write-durably.ts';
import type { VersionKind, VersionMeta, VersionStore } from '../storage/version-store.ts';

/** Who asked for a version or a restore. */
export type Actor = { sub: string; name: string };

/** Snapshots, comparisons and restores of documents. */
export class VersionService {
  private readonly store: VersionStore;
  private readonly docs: DocService;
  private readonly hocuspocus: Hocuspocus;
  private readonly persistence: PersistenceExtension;

  constructor(deps: { store: VersionStore; docs: DocService; hocuspocus: Hocuspocus; persistence: PersistenceExtension }) {
    this.store = deps.store;
    this.docs = deps.docs;
    this.hocuspocus = deps.hocuspocus;
    this.persistence = deps.persistence;
  }

  /** Saves the document as it is now, with its validation summary. */
  async snapshot(docId: string, label: string, kind: VersionKind, author: Actor): Promise<VersionMeta> {
    const { json, settings } = await this.docs.read(docId, (doc) => ({ json: toBudgetJson(doc), settings: readDocSettings(doc) }));
    const { summarizeFindings, validateBudgetText } = await loadRules();
    const summary = summarizeFindings(validateBudgetText(json, { hierarchy: settings.hierarchy }));
    const threads = await this.docs.read(reviewDocName(docId), (doc) => readReview(doc).threads).catch(() => []);
    return this.store.save(docId, json, { label, kind, author, summary }, threads);
  }

  /** Versions of a document, newest first; NOT_FOUND for an unknown document. */
  async list(docId: string): Promise<VersionMeta[]> {
    await this.docs.read(docId, () => null);
    return this.store.list(docId);
  }

  /** A version (or `current`, the live document) as canonical JSON. */
  async json(docId: string, versionId: string) {
    if (versionId === 'current') return this.docs.getJson(docId);
    const json = await this.store.load(docId, versionId);
    if (!json) throw versionNotFound(versionId);
    return json;
  }

  /** The comment threads as they were when a version was taken. */
  async threads(docId: string, versionId: string): Promise<unknown[]> {
    const threads = await this.store.loadReview(docId, versionId);
    if (!threads) throw versionNotFound(versionId);
    return threads;
  }

  /**
   * The structured comparison of two versions (either may be `current`); `from` names a version
   * of `fromDocId` (another document, e.g. last year's, when it is not `docId`).
   */
  async diff(docId: string, from: string, to: string, fromDocId: string = docId): Promise<BudgetDiff> {
    const [a, b] = await Promise.all([this.json(fromDocId, from), this.json(docId, to)]);
    return diffBudgetTexts(a, b);
  }

  /**
   * Restores a version as a new forward change that every open client receives live: first the
   * current state is saved as a `restore` version (restoring that one undoes the restore), then
   * the document is reconciled to the version through a server-side connection. Returns the
   * pre-restore snapshot's id once the change is stored.
   */
  async restore(docId: string, versionId: string, actor: Actor): Promise<{ preRestoreVersionId: string }> {
    const target = await this.store.load(docId, versionId);
    const meta = await this.store.getMeta(docId, versionId);
    if (!target || !meta) throw versionNotFound(versionId);
    const pre = await this.snapshot(docId, `恢复“${meta.label}”之前`, 'restore', actor);
    await writeDurably(this.hocuspocus, this.persistence, docId, { user: { ...actor, role: 'owner' } }, (doc) => reconcileBudgetYDoc(doc, target));
    return { preRestoreVersionId: pre.id };
  }
}

function versionNotFound(id: string): JixiaoError {
  return new JixiaoError({ code: 'NOT_FOUND', zh: `找不到版本“${id}”`, en: `Version "${id}" not found` });
}
