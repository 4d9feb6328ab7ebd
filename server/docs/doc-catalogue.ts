import { JixiaoError } from '../../shared/errors.ts';
import { toBudgetJson } from '../../shared/model/budget-ydoc.ts';
import { readDocSettings } from '../../shared/model/doc-settings.ts';
import { readReview, reviewDocName } from '../../shared/review/review-ydoc.ts';
import type { DocStatus } from '../../shared/review/workflow.ts';
import { loadRules } from '../validation/load-rules.ts';
import type { DocListEntry, DocService } from './doc-service.ts';

/** One row of the document list as the list page shows it. */
export interface CatalogueEntry extends DocListEntry {
  status: DocStatus;
  /** Validation errors (findings of severity error) in the document as it is now. */
  errors: number;
}

/**
 * The document list with each document's workflow status and error count. Error counts are
 * remembered per stored version (`updatedAt`) so listing does not validate every document each
 * time; a document someone has open is validated afresh, since its stored time lags the edits.
 */
export class DocCatalogue {
  private readonly docs: DocService;
  private readonly errorCounts = new Map<string, { updatedAt: string; errors: number }>();

  constructor(docs: DocService) {
    this.docs = docs;
  }

  /** Every document `visible` admits (default all), most recently updated first. */
  async list(visible?: (id: string) => Promise<boolean>): Promise<CatalogueEntry[]> {
    const entries = await this.docs.list(visible);
    return Promise.all(entries.map(async (e) => ({ ...e, status: await this.status(e.id), errors: await this.errors(e) })));
  }

  private async status(id: string): Promise<DocStatus> {
    // A document stored before review documents existed has none: it is a draft.
    try {
      return await this.docs.read(reviewDocName(id), (doc) => readReview(doc).status);
    } catch (error) {
      if (error instanceof JixiaoError && error.code === 'NOT_FOUND') return 'draft';
      throw error;
    }
  }

  private async errors(entry: DocListEntry): Promise<number> {
    const live = this.docs.isLive(entry.id);
    const known = this.errorCounts.get(entry.id);
    if (!live && known?.updatedAt === entry.updatedAt) return known.errors;
    const { summarizeFindings, validateBudgetText } = await loadRules();
    const errors = await this.docs.read(entry.id, (doc) => {
      const findings = validateBudgetText(toBudgetJson(doc), { hierarchy: readDocSettings(doc).hierarchy });
      return summarizeFindings(findings).errors;
    });
    if (!live) this.errorCounts.set(entry.id, { updatedAt: entry.updatedAt, errors });
    return errors;
  }
}
