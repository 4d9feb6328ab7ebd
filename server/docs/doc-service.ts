import type { Hocuspocus } from '@hocuspocus/server';
import * as Y from 'yjs';
import { JixiaoError } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { BudgetTextSchema, type BudgetText } from '../../shared/model/budget-text-schema.ts';
import { toBudgetJson, toBudgetYDoc } from '../../shared/model/budget-ydoc.ts';
import { migrateBudgetYDoc } from '../../shared/model/migrations.ts';
import type { DocMeta, DocStore } from '../storage/doc-store.ts';
import { applyStoredUpdates } from '../storage/apply-stored-updates.ts';
import type { Identity } from '../auth/tokens.ts';
import { appendActivity, putMember, putStatus, reviewDocName } from '../../shared/review/review-ydoc.ts';

/** Whether a store id names a review document rather than a budget document. */
function isReviewDocName(id: string): boolean {
  return id.endsWith('.review');
}

/** One row of the document list. */
export interface DocListEntry {
  id: string;
  title: string;
  year: number | null;
  department: DocMeta['department'];
  updatedAt: string;
}

/** What the owner of a {@link DocService} does around creating a document. */
export interface CreateHooks {
  /** Records what belongs with the new document (its organisation) before it exists; a failure creates nothing. */
  beforeCreate?: (id: string, creator: Identity | undefined) => Promise<void>;
  /** Hears that the document and its review document are stored. */
  created?: (id: string) => void;
}

/**
 * Documents as the HTTP API sees them: created from canonical JSON, read as canonical JSON from
 * the live in-memory copy when one is open (so the API never lags the editors), else from disk.
 */
export class DocService {
  private readonly store: DocStore;
  private readonly hocuspocus: Hocuspocus;
  private readonly hooks: CreateHooks;

  /** `hooks.beforeCreate` records what belongs with a new document before it exists; `hooks.created` hears of it once stored. */
  constructor(store: DocStore, hocuspocus: Hocuspocus, hooks: CreateHooks = {}) {
    this.store = store;
    this.hocuspocus = hocuspocus;
    this.hooks = hooks;
  }

  /** The documents `visible` keeps, most recently updated first. */
  async list(visible: (id: string) => Promise<boolean> = async () => true): Promise<DocListEntry[]> {
    const metas: DocMeta[] = [];
    for (const m of await this.store.listMeta()) if (!isReviewDocName(m.id) && (await visible(m.id))) metas.push(m);
    return metas
      .map(({ id, title, year, department, updatedAt }) => ({ id, title, year, department, updatedAt }))
      .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.id.localeCompare(b.id)));
  }

  /**
   * Validates `input` as canonical JSON and stores it as a new document. Invalid input throws
   * INVALID_DOCUMENT listing the zod issues, and writes nothing.
   */
  async create(input: unknown, creator?: Identity): Promise<string> {
    const parsed = BudgetTextSchema.safeParse(input);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      throw new JixiaoError({ code: 'INVALID_DOCUMENT', zh: '文档内容不符合格式要求', en: 'The document does not match the schema', details: { issues } });
    }
    return this.createFromJson(parsed.data, creator);
  }

  /**
   * Stores an already validated document under a new id, with its review document; the creator
   * (when given) becomes the document's owner. `prepare` records what else belongs with the new
   * id before the document exists (a failure creates nothing).
   */
  async createFromJson(text: BudgetText, creator?: Identity, prepare?: (id: string) => Promise<void>): Promise<string> {
    const id = newId();
    await this.hooks.beforeCreate?.(id, creator);
    await prepare?.(id);
    const doc = toBudgetYDoc(text);
    await this.store.createDoc(id, Y.encodeStateAsUpdate(doc), { title: text.title, year: text.year, department: text.department });
    doc.destroy();
    await this.createReviewDoc(id, creator);
    this.hooks.created?.(id);
    return id;
  }

  /** Creates the (server-written) review document of `docId`: status draft, creator as owner. */
  async createReviewDoc(docId: string, creator?: Identity): Promise<void> {
    const review = new Y.Doc();
    review.transact(() => {
      putStatus(review, 'draft');
      if (creator) {
        putMember(review, creator.sub, { role: 'owner', name: creator.name });
        appendActivity(review, { at: new Date().toISOString(), user: { sub: creator.sub, name: creator.name }, action: 'created' });
      }
    });
    await this.store.createDoc(reviewDocName(docId), Y.encodeStateAsUpdate(review), { title: '', year: null, department: { code: '', name: '', region: null } });
    review.destroy();
  }

  /** Whether someone has the document open now (its stored meta may lag the live copy). */
  isLive(id: string): boolean {
    return this.hocuspocus.documents.has(id);
  }

  /** The current canonical JSON of a document; NOT_FOUND if there is none. */
  getJson(id: string): Promise<BudgetText> {
    return this.read(id, toBudgetJson);
  }

  /**
   * Runs `fn` on the document as it is now, read-only: the live copy when one is open (so the
   * API never lags the editors), else a copy rebuilt from disk and discarded afterwards.
   */
  async read<T>(id: string, fn: (doc: Y.Doc) => T): Promise<T> {
    const live = this.hocuspocus.documents.get(id);
    if (live && !live.isLoading) return fn(live);
    const updates = await this.store.loadUpdates(id);
    if (!updates) throw notFound(id);
    const doc = new Y.Doc();
    applyStoredUpdates(doc, updates);
    migrateBudgetYDoc(doc);
    try {
      return fn(doc);
    } finally {
      doc.destroy();
    }
  }
}

/** The error for an unknown document id. */
export function notFound(id: string): JixiaoError {
  return new JixiaoError({ code: 'NOT_FOUND', zh: `找不到文档“${id}”`, en: `Document "${id}" not found` });
}
