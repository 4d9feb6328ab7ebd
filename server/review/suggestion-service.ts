import { MONEY_KEYS } from '../../shared/access/grants.ts';
import type * as Y from 'yjs';
import { JixiaoError } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { applyBudgetOps } from '../../shared/model/apply-budget-op.ts';
import type { BudgetOp } from '../../shared/model/budget-op.ts';
import { addIndicator, removeIndicator } from '../../shared/model/mutations.ts';
import { indicatorsOf, projectsMap, sortedEntries } from '../../shared/model/ydoc-layout.ts';
import type { NewSuggestion } from '../../shared/review/review-schema.ts';
import { putSuggestion, readReview } from '../../shared/review/review-ydoc.ts';
import type { Suggestion } from '../../shared/review/review-types.ts';
import type { Identity } from '../auth/tokens.ts';
import type { DocService } from '../docs/doc-service.ts';
import { isStatusChanging } from '../collab/doc-writes.ts';
import { canEditContent, COMMENTERS, CONTENT_EDITORS, ROLES } from '../../shared/review/workflow.ts';
import type { AccessService } from './access-service.ts';
import type { ReviewWriter } from './review-writer.ts';
import { currentValue, isStale } from './suggestion-target.ts';

/** A suggestion as listed: open ones say whether they went stale. */
export type SuggestionView = Suggestion & { stale: boolean };

/**
 * Suggestions: proposed values, rows and row deletions. Accepting one applies an ordinary edit,
 * attributed to the editor who accepted and the reviewer who proposed it; a suggestion whose
 * target changed since is stale and is refused, never applied blindly.
 */
export class SuggestionService {
  private readonly access: AccessService;
  private readonly writer: ReviewWriter;
  private readonly docs: DocService;

  constructor(access: AccessService, writer: ReviewWriter, docs: DocService) {
    this.access = access;
    this.writer = writer;
    this.docs = docs;
  }

  /** Every suggestion, with staleness of open ones. */
  async list(docId: string, user: Identity): Promise<SuggestionView[]> {
    const { review } = await this.access.require(docId, user, ROLES);
    // Nothing to check: no read of the document (a whole load from disk while it is not open).
    if (review.suggestions.length === 0) return [];
    return this.docs.read(docId, (doc) => review.suggestions.map((s) => ({ ...s, stale: isStale(doc, s) })));
  }

  /** Records a suggestion against the current value of its target; returns its id. */
  async create(docId: string, user: Identity, input: NewSuggestion): Promise<string> {
    const { review } = await this.access.require(docId, user, COMMENTERS);
    if (review.status === 'approved') throw locked();
    const base: Omit<Suggestion, 'kind'> = { id: newId(), author: { sub: user.sub, name: user.name }, at: new Date().toISOString(), status: 'open', project: input.project };
    const suggestion: Suggestion =
      'delete' in input ? { ...base, kind: 'delete', indicator: input.indicator }
      : 'insertAfter' in input ? { ...base, kind: 'insert', insertAfter: input.insertAfter, row: stringsOnly(input.indicator) }
      : 'indicator' in input ? { ...base, kind: 'cell', indicator: input.indicator, field: input.field, value: input.value }
      : { ...base, kind: 'header', field: input.field, value: input.value };
    const { now, stale } = await this.docs.read(docId, (doc) => ({ now: currentValue(doc, suggestion), stale: suggestion.kind === 'insert' && isStale(doc, suggestion) }));
    if (now === undefined || stale) {
      throw new JixiaoError({ code: 'NOT_FOUND', zh: '建议指向的位置不存在', en: 'The suggestion points at nothing that exists' });
    }
    await this.writer.review(docId, user, (doc) => putSuggestion(doc, { ...suggestion, base: now }));
    return suggestion.id;
  }

  /** Accepts (applies) or rejects a suggestion. Stale suggestions cannot be accepted (CONFLICT). */
  decide(docId: string, user: Identity, suggestionId: string, accept: boolean): Promise<void> {
    // An acceptance edits the content: from its status check to its write, a status change waits for it.
    return accept ? this.access.writingContent(docId, () => this.decideNow(docId, user, suggestionId, true)) : this.decideNow(docId, user, suggestionId, false);
  }

  private async decideNow(docId: string, user: Identity, suggestionId: string, accept: boolean): Promise<void> {
    const { role, review } = await this.access.require(docId, user, CONTENT_EDITORS);
    if (accept && !canEditContent(role, review.status)) throw locked();
    const s = review.suggestions.find((x) => x.id === suggestionId);
    if (!s) throw new JixiaoError({ code: 'NOT_FOUND', zh: '找不到该建议', en: 'No such suggestion' });
    if (s.status !== 'open') throw new JixiaoError({ code: 'CONFLICT', zh: '该建议已处理', en: 'This suggestion was already decided' });
    // Accepting is an edit by the person who accepts: it stays within their grant.
    if (accept) await this.access.requireEdit(docId, user, role, [{ kind: 'project', project: s.project, money: s.kind === 'header' && MONEY_KEYS.has(headerKey(s.field)) }]);
    let created: string | undefined;
    if (accept) {
      created = await this.writer.content(docId, user, (doc) => {
        if (isStale(doc, s)) throw new JixiaoError({ code: 'CONFLICT', zh: '内容已被修改，建议已过期，不能直接采纳', en: 'The cell changed since; the suggestion is stale and cannot be applied' });
        return apply(doc, s);
      }, s.author);
    }
    await this.writer.review(docId, user, (doc) => {
      const latest = readReview(doc).suggestions.find((x) => x.id === suggestionId) ?? s;
      putSuggestion(doc, { ...latest, status: accept ? 'accepted' : 'rejected', decidedBy: { sub: user.sub, name: user.name }, decidedAt: new Date().toISOString(), ...(created ? { createdIndicator: created } : {}) });
    });
  }

  /** Accepts every open suggestion of one author that is not stale; reports which were stale. */
  async acceptAllBy(docId: string, user: Identity, authorSub: string): Promise<{ accepted: string[]; stale: string[] }> {
    const views = await this.list(docId, user);
    const mine = views.filter((s) => s.status === 'open' && s.author.sub === authorSub);
    const accepted: string[] = [];
    const stale: string[] = [];
    for (const s of mine) {
      try {
        await this.decide(docId, user, s.id, true);
        accepted.push(s.id);
      } catch (e) {
        if (e instanceof JixiaoError && e.code === 'CONFLICT' && !isStatusChanging(e)) stale.push(s.id);
        else throw e;
      }
    }
    return { accepted, stale };
  }
}

/** The project Y.Map key of a header field name (`budget.total` → `total`, `spendingPlan.mar` → `mar`, `spendingPlan.unit` → `planUnit`). */
function headerKey(field: string | undefined): string {
  if (field === 'spendingPlan.unit') return 'planUnit';
  return (field ?? '').replace(/^(budget|spendingPlan)\./, '');
}

function apply(doc: Y.Doc, s: Suggestion): string | undefined {
  if (s.kind === 'delete') {
    removeIndicator(doc, s.project, s.indicator ?? '');
    return undefined;
  }
  if (s.kind === 'insert') {
    const rows = sortedEntries(indicatorsOf(projectsMap(doc).get(s.project)!));
    const at = s.insertAfter ? rows.findIndex((r) => r.id === s.insertAfter) + 1 : 0;
    return addIndicator(doc, s.project, s.row ?? {}, at) ?? undefined;
  }
  applyBudgetOps(doc, [toOp(s)]);
  return undefined;
}

function toOp(s: Suggestion): BudgetOp {
  const field = s.field ?? '';
  if (s.kind === 'cell') return { op: 'setIndicatorField', project: s.project, indicator: s.indicator ?? '', field: field as never, value: String(s.value ?? '') };
  if (field === 'purpose' || field === 'goal') return { op: 'setProjectText', project: s.project, field, value: String(s.value ?? '') };
  if (field === 'code' || field === 'name') return { op: 'setProjectField', project: s.project, field, value: String(s.value ?? '') };
  if (field === 'spendingPlan.unit') return { op: 'setSpendingPlan', project: s.project, plan: { unit: s.value === 'amount' ? 'amount' : 'percent' } };
  const [group, key] = field.split('.') as [string, string];
  const value = typeof s.value === 'number' ? s.value : s.value === null || s.value === '' ? null : Number(s.value);
  if (Number.isNaN(value)) throw new JixiaoError({ code: 'INVALID_REQUEST', zh: '建议的金额无效', en: 'The suggested amount is not a number' });
  if (group === 'budget') return { op: 'setBudget', project: s.project, field: key as 'total', value };
  return { op: 'setSpendingPlan', project: s.project, plan: { [key]: value } };
}

function stringsOnly(row: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
}

function locked(): JixiaoError {
  return new JixiaoError({ code: 'CONFLICT', zh: '文档当前状态下内容不可修改', en: 'Content is locked in the document’s current status' });
}
