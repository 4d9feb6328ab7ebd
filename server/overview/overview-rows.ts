import { JixiaoError } from '../../shared/errors.ts';
import { toBudgetJson } from '../../shared/model/budget-ydoc.ts';
import { readDocSettings } from '../../shared/model/doc-settings.ts';
import type { OverviewRow } from '../../shared/overview/overview-row.ts';
import { readReview, reviewDocName } from '../../shared/review/review-ydoc.ts';
import type { DocStatus } from '../../shared/review/workflow.ts';
import { loadRules } from '../validation/load-rules.ts';
import type { DocService } from '../docs/doc-service.ts';
import type { DocMeta, DocStore } from '../storage/doc-store.ts';
import type { HistoryStore } from '../storage/history-store.ts';
import type { Identity } from '../auth/tokens.ts';
import type { OrgService } from '../orgs/org-service.ts';
import { effectiveRole } from '../orgs/reach.ts';
import type { ReviewState } from '../../shared/review/review-types.ts';

/** What the content of a document gives a row: its heading fields and validation counts. */
type ContentPart = Pick<OverviewRow, 'title' | 'year' | 'department' | 'errors' | 'warnings'>;
/** What the review document gives a row, and what reach needs of it (the members). */
type ReviewPart = Pick<OverviewRow, 'status' | 'openThreads' | 'submittedAt' | 'submittedVersion'> & { creator: OverviewRow['updatedBy']; members: ReviewState['members'] };

/**
 * Computes the overview's row of a document, and who sees it: exactly the documents
 * `GET /api/docs` lists (in reach, with a role there; `AccessService.roleOn`'s rule, read from
 * the remembered review document). Like the document list, what is read from a document and its
 * review document is remembered per stored version (the meta's `updatedAt`), so listing neither
 * validates nor rebuilds every document each time; a document someone has open is read afresh,
 * since its stored time lags the edits. The live feed decides how often that happens.
 */
export class OverviewRows {
  private readonly docs: DocService;
  private readonly store: DocStore;
  private readonly history: HistoryStore;
  private readonly orgs: OrgService;
  private readonly contents = new Map<string, { updatedAt: string; part: ContentPart }>();
  private readonly reviews = new Map<string, { updatedAt: string; part: ReviewPart }>();

  constructor(docs: DocService, store: DocStore, history: HistoryStore, orgs: OrgService) {
    this.docs = docs;
    this.store = store;
    this.history = history;
    this.orgs = orgs;
  }

  /** The rows of every document `identity` sees, most recently changed first. */
  async list(identity: Identity): Promise<OverviewRow[]> {
    const metas = new Map((await this.store.listMeta()).map((m) => [m.id, m]));
    const ids = [...metas.keys()].filter((id) => !id.endsWith('.review'));
    const rows = await Promise.all(ids.map((id) => this.build(id, metas.get(id) as DocMeta, metas.get(reviewDocName(id)) ?? null, identity)));
    return rows.filter((r): r is OverviewRow => r !== null).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));
  }

  /** The row of one document as it is now; null if it does not exist (any more). */
  async row(id: string): Promise<OverviewRow | null> {
    const meta = await this.store.getMeta(id);
    return meta ? this.build(id, meta, await this.store.getMeta(reviewDocName(id))) : null;
  }

  /** Whether `identity` sees the document in their overview. */
  async sees(id: string, identity: Identity): Promise<boolean> {
    const reviewMeta = await this.store.getMeta(reviewDocName(id));
    if (!reviewMeta || !(await this.orgs.reaches(identity, id))) return false;
    try {
      return await this.hasRole(id, identity, (await this.review(id, reviewMeta)).members);
    } catch (error) {
      if (error instanceof JixiaoError && error.code === 'NOT_FOUND') return false;
      throw error;
    }
  }

  private async hasRole(id: string, identity: Identity, members: ReviewState['members']): Promise<boolean> {
    return effectiveRole(identity, { members }, await this.orgs.owner(id)) !== null;
  }

  /** The row, or null when `identity` (if given) does not see it or it is gone. */
  private async build(id: string, meta: DocMeta, reviewMeta: DocMeta | null, identity?: Identity): Promise<OverviewRow | null> {
    // Out of reach before anything is read; a document without a review document has no roles (as roleOn).
    if (!reviewMeta || (identity && !(await this.orgs.reaches(identity, id)))) return null;
    try {
      const { creator, members, ...reviewFields } = await this.review(id, reviewMeta);
      if (identity && !(await this.hasRole(id, identity, members))) return null;
      const [content, last] = await Promise.all([this.content(id, meta), this.history.lastChange(id)]);
      return { id, ...content, ...reviewFields, updatedAt: last?.at ?? meta.updatedAt, updatedBy: last?.user ?? creator };
    } catch (error) {
      // Gone between listing and reading: not a row.
      if (error instanceof JixiaoError && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }

  private content(id: string, meta: DocMeta): Promise<ContentPart> {
    return this.cached(this.contents, id, id, meta, async () => {
      const { summarizeFindings, validateBudgetText } = await loadRules();
      return this.docs.read(id, (doc) => {
        const json = toBudgetJson(doc);
        // The same call as GET /api/docs/:id/validation, so the counts are equal by construction.
        const { errors, warnings } = summarizeFindings(validateBudgetText(json, { hierarchy: readDocSettings(doc).hierarchy }));
        return { title: json.title, year: json.year, department: { code: json.department.code, name: json.department.name, region: json.department.region }, errors, warnings };
      });
    });
  }

  private review(id: string, meta: DocMeta): Promise<ReviewPart> {
    return this.cached(this.reviews, id, reviewDocName(id), meta, () =>
      this.docs.read(reviewDocName(id), (doc) => {
        const review = readReview(doc);
        const submission = review.activity.findLast((a) => a.action === 'status' && a.to === ('submitted' satisfies DocStatus));
        const created = review.activity.find((a) => a.action === 'created');
        return {
          status: review.status,
          openThreads: review.threads.filter((t) => t.status === 'open').length,
          submittedAt: submission?.at ?? null,
          submittedVersion: submission?.versionId ?? null,
          creator: created ? created.user : null,
          members: review.members,
        };
      }),
    );
  }

  private async cached<T>(cache: Map<string, { updatedAt: string; part: T }>, id: string, name: string, meta: DocMeta, read: () => Promise<T>): Promise<T> {
    // A log not yet folded into the base (another instance's edit, a store that did not finish)
    // is not reflected in `updatedAt`: read afresh until it is.
    const live = this.docs.isLive(name) || (await this.store.hasLog(name));
    const known = cache.get(id);
    if (!live && known?.updatedAt === meta.updatedAt) return known.part;
    const part = await read();
    if (live) cache.delete(id);
    else cache.set(id, { updatedAt: meta.updatedAt, part });
    return part;
  }
}
