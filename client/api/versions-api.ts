import { z } from 'zod/mini';
import type { BudgetDiff } from '../../shared/diff/index.ts';
import { historyQueryOf, type ReviewTarget } from '../review/review-target.ts';
import { segment, type DocEndpoint } from './doc-endpoint.ts';
import { BudgetDiffSchema, HistoryEntrySchema, IdAnswerSchema, VersionMetaSchema, type HistoryEntry, type VersionMeta } from './version-schemas.ts';

/** A version id, or `current` for the live document. */
export type VersionRef = string;

/** Versions, comparison, restore and per-cell history of one document. */
export class VersionsApi {
  readonly #doc: DocEndpoint;

  constructor(doc: DocEndpoint) {
    this.#doc = doc;
  }

  /** Every version, newest first. */
  list(): Promise<VersionMeta[]> {
    return this.#doc.get('/versions', z.array(VersionMetaSchema));
  }

  /** Saves the document as it is now under `label`; resolves to the new version's id. */
  async save(label: string): Promise<string> {
    return (await this.#doc.send('POST', '/versions', IdAnswerSchema, { label })).id;
  }

  /**
   * Restores version `id` as a new change everyone receives live; resolves to the id of the
   * snapshot taken just before, restoring which undoes the restore.
   */
  async restore(id: string): Promise<string> {
    return (await this.#doc.send('POST', `/versions/${segment(id)}/restore`, IdAnswerSchema)).id;
  }

  /** The structured comparison of `from` and `to`; with `against`, `from` is a version of that other document (last year's). */
  diff(from: VersionRef, to: VersionRef, against?: string): Promise<BudgetDiff> {
    return this.#doc.get('/diff', BudgetDiffSchema, against ? { from, to, against } : { from, to });
  }

  /** Every value `target` had, oldest first; empty for a place without history (a project, the document). */
  async history(target: ReviewTarget): Promise<HistoryEntry[]> {
    const query = historyQueryOf(target);
    return query ? this.#doc.get('/history', z.array(HistoryEntrySchema), query) : [];
  }
}
