import { JixiaoError } from '../../shared/errors.ts';
import { matchPreviousValues, type PreviousValue } from '../../shared/rollover/previous-values.ts';
import { rollOverBudgetText } from '../../shared/rollover/roll-over-budget-text.ts';
import type { Identity } from '../auth/tokens.ts';
import type { DocService } from '../docs/doc-service.ts';
import type { AccessService } from '../review/access-service.ts';
import type { LineageStore } from '../storage/lineage-store.ts';

/** What `GET /api/docs/:id/previous` answers: last year's document (null without one in reach) and its values by row id. */
export interface PreviousYear {
  previous: { id: string; title: string; year: number | null } | null;
  values: Record<string, PreviousValue>;
}

/** Next year's drafts: making one from a document, and reading a draft's previous year. */
export class NextYearService {
  private readonly docs: DocService;
  private readonly lineage: LineageStore;
  private readonly access: AccessService;

  constructor(deps: { docs: DocService; lineage: LineageStore; access: AccessService }) {
    this.docs = deps.docs;
    this.lineage = deps.lineage;
    this.access = deps.access;
  }

  /**
   * Makes next year's draft of `sourceId` (the caller checked it may copy it) owned by `creator`,
   * with its lineage stored first; resolves to the draft's id. Each call makes another draft.
   */
  async create(sourceId: string, creator: Identity): Promise<string> {
    const { text, projects, rows } = rollOverBudgetText(await this.docs.getJson(sourceId));
    const createdAt = new Date().toISOString();
    return this.docs.createFromJson(text, creator, (id) => this.lineage.put(id, { previous: sourceId, createdAt, projects, rows }));
  }

  /**
   * The previous year of `docId` as `reader` may see it: null (and no values) for a document not
   * made by next-year, or whose previous document is gone or out of the reader's reach.
   */
  async previous(docId: string, reader: Identity): Promise<PreviousYear> {
    const none: PreviousYear = { previous: null, values: {} };
    const lineage = await this.lineage.get(docId);
    if (!lineage) return none;
    const reachable = await this.access.roleOn(lineage.previous, reader).then(
      () => true,
      (e: unknown) => {
        // Out of reach and deleted look alike (NOT_FOUND); a failing store must still fail.
        if (e instanceof JixiaoError && e.code === 'NOT_FOUND') return false;
        throw e;
      },
    );
    if (!reachable) return none;
    const [current, before] = await Promise.all([this.docs.getJson(docId), this.docs.getJson(lineage.previous)]);
    return { previous: { id: lineage.previous, title: before.title, year: before.year }, values: matchPreviousValues(current, before, lineage) };
  }
}
