import { JixiaoError } from '../../shared/errors.ts';
import { readDocSettings } from '../../shared/model/doc-settings.ts';
import { toBudgetJson } from '../../shared/model/budget-ydoc.ts';
import { appendActivity, putMember, putStatus, readReview } from '../../shared/review/review-ydoc.ts';
import type { Member, ReviewState } from '../../shared/review/review-types.ts';
import type { Finding } from '../../shared/rules/index.ts';
import { loadRules } from '../validation/load-rules.ts';
import { canWithdraw, withdrawContext, hasRole, MEMBER_MANAGERS, ROLES, STATUS_LABELS, transitionRoles, type DocStatus } from '../../shared/review/workflow.ts';
import type { Identity } from '../auth/tokens.ts';
import type { DocService } from '../docs/doc-service.ts';
import { statusChanging, type DocWrites } from '../collab/doc-writes.ts';
import type { KvStore } from '../storage/kv-store.ts';
import { KeyedQueue } from '../keyed-queue.ts';
import type { VersionService } from '../versions/version-service.ts';
import { forbidden, type AccessService } from './access-service.ts';
import type { ReviewWriter } from './review-writer.ts';

/**
 * The submit / return / approve workflow and per-document membership. Every status change takes
 * an automatic named version and is logged with who and when; open connections are re-evaluated
 * at once (e.g. editors become read-only on submit). The status changes of one document run one
 * at a time, and each holds the content still from its last check to the new status (see apply).
 */
export class WorkflowService {
  private readonly deps: WorkflowDeps;
  /** The status changes of each document, one at a time. */
  private readonly changing = new KeyedQueue();

  constructor(deps: WorkflowDeps) {
    this.deps = deps;
  }

  /** Changes the status; 403 for a role that may not, 409 with the blocking findings on submit. */
  changeStatus(docId: string, user: Identity, to: DocStatus, comment?: string): Promise<{ status: DocStatus; versionId: string }> {
    // One at a time per document: the second of two changes at once sees the first one's status.
    // Here they queue; one under way on another instance (the store's lock) answers 409.
    return this.changing.run(docId, async () => {
      const run = await this.deps.locks.withLock(`status:${docId}`, () => this.change(docId, user, to, comment));
      if (!run.locked) throw statusChanging();
      return run.value;
    });
  }

  private async change(docId: string, user: Identity, to: DocStatus, comment?: string): Promise<{ status: DocStatus; versionId: string }> {
    const { role, review } = await this.deps.access.require(docId, user, ROLES);
    const from = review.status;
    if (from === 'submitted' && to === 'draft') return this.withdraw(docId, user, review);
    const allowed = transitionRoles(from, to);
    if (!allowed) throw new JixiaoError({ code: 'CONFLICT', zh: `不能从“${STATUS_LABELS[from]}”变为“${STATUS_LABELS[to]}”`, en: `Cannot go from ${from} to ${to}` });
    if (!hasRole(role, allowed)) throw forbidden();
    this.checkSeparation(user, review, from, to);
    if (to === 'returned' && !comment) throw new JixiaoError({ code: 'INVALID_REQUEST', zh: '退回时请填写意见', en: 'A return needs a comment' });
    // Refused before anything is held (the usual refusal); checked again on what the version holds.
    if (to === 'submitted') await this.requireNoErrors(docId);
    return this.apply(docId, user, from, to, comment);
  }

  /**
   * 撤回 by the submitter before any reviewer acted (`canWithdraw`); FORBIDDEN otherwise. Checked
   * again once the content is held, before the version, and in the transaction that writes the
   * status: a reviewer's comment or suggestion goes to the review document, which the hold does
   * not cover, so one made while the withdrawal waited still stops it.
   */
  private async withdraw(docId: string, user: Identity, review: ReviewState): Promise<{ status: DocStatus; versionId: string }> {
    const check = (state: ReviewState) => {
      if (!canWithdraw(user.sub, withdrawContext(state))) {
        throw forbidden('只有提交人可以撤回，且须在审核人退回、审定、批注或提出建议之前', 'Only the submitter can withdraw, and only before a reviewer returned, approved, commented or suggested');
      }
    };
    check(review);
    return this.apply(docId, user, 'submitted', 'draft', undefined, check);
  }

  /**
   * Holds the content still (DocWrites: content sent meanwhile is refused, the client sends it
   * again after), waits for the edits already under way, then checks, takes the version, and
   * writes the status with its activity in one transaction; open connections learn the new status
   * before the hold ends. So the version is exactly what was submitted, and nobody ever reads a
   * status without the activity (and version) that goes with it.
   */
  private async apply(docId: string, user: Identity, from: DocStatus, to: DocStatus, comment?: string, recheck?: (review: ReviewState) => void): Promise<{ status: DocStatus; versionId: string }> {
    const release = this.deps.writes.hold(docId);
    try {
      await this.deps.writes.settled(docId);
      if (to === 'submitted') await this.requireNoErrors(docId);
      if (recheck) recheck(await this.deps.access.review(docId));
      const version = await this.deps.versions.snapshot(docId, `${STATUS_LABELS[to]}（${user.name}）`, 'status', user);
      await this.deps.writer.review(docId, user, (doc) => {
        // Checked before anything is written: a Yjs transaction cannot be rolled back.
        recheck?.(readReview(doc));
        putStatus(doc, to);
        appendActivity(doc, { at: new Date().toISOString(), user: { sub: user.sub, name: user.name }, action: 'status', from, to, versionId: version.id, ...(comment ? { comment } : {}) });
      });
      await this.deps.access.refresh(docId);
      return { status: to, versionId: version.id };
    } finally {
      release();
    }
  }

  /**
   * Separation of duties: only the reviewing side (the finance bureau, where organisations exist)
   * returns and approves, and never the person who submitted this version or created the
   * document; a withdrawal (submitted → draft) is the submitter's alone.
   */
  private checkSeparation(user: Identity, review: ReviewState, from: DocStatus, to: DocStatus): void {
    const submitter = lastSubmitter(review);
    if (from === 'submitted' && to === 'draft') {
      if (submitter !== user.sub) throw forbidden('只有提交人可以撤回', 'Only the person who submitted it may withdraw it');
      return;
    }
    if (to !== 'returned' && to !== 'approved') return;
    if (user.org && user.orgKind !== 'finance') throw forbidden('退回和审定由财政局审核人进行', 'Returning and approving belong to the finance bureau\'s reviewers');
    const creator = review.activity.find((a) => a.action === 'created')?.user.sub;
    if (user.sub === submitter || user.sub === creator) throw forbidden('不能审核自己提交或创建的文本', 'You cannot review a text you submitted or created');
  }

  /** Members with a per-document role. */
  async members(docId: string, user: Identity): Promise<Array<{ sub: string } & Member>> {
    const { review } = await this.deps.access.require(docId, user, ROLES);
    return Object.entries(review.members).map(([sub, m]) => ({ sub, ...m }));
  }

  /** Gives `sub` a role on this document (owner only); null removes the grant. */
  async setMember(docId: string, user: Identity, sub: string, member: Member | null): Promise<void> {
    await this.deps.access.require(docId, user, MEMBER_MANAGERS);
    let change: { before: Member | null; after: Member | null } | undefined;
    await this.deps.writer.review(docId, user, (doc) => {
      // Check everything before writing: a Yjs transaction cannot be rolled back.
      const members = readReview(doc).members;
      const before = members[sub];
      if (!member && !before) throw new JixiaoError({ code: 'NOT_FOUND', zh: '该成员不存在', en: 'No such member' });
      const owners = Object.entries(members).filter(([s, m]) => m.role === 'owner' && s !== sub).length + (member?.role === 'owner' ? 1 : 0);
      if (owners === 0 && before?.role === 'owner') throw new JixiaoError({ code: 'CONFLICT', zh: '文档至少需要一名负责人', en: 'A document needs at least one owner' });
      putMember(doc, sub, member);
      change = { before: before ?? null, after: member };
      appendActivity(doc, { at: new Date().toISOString(), user: { sub: user.sub, name: user.name }, action: member ? 'member-set' : 'member-removed', subject: sub, ...(member ? { to: member.role } : {}) });
    });
    if (change) await this.deps.access.orgs.recordMember(docId, user, sub, change.before, change.after);
    await this.deps.access.refresh(docId);
  }

  /** CONFLICT (409) with the findings when the document has errors (they block submission). */
  private async requireNoErrors(docId: string): Promise<void> {
    const { validateBudgetText } = await loadRules();
    const errors: Finding[] = await this.deps.docs.read(docId, (doc) => validateBudgetText(toBudgetJson(doc), { hierarchy: readDocSettings(doc).hierarchy }).filter((f) => f.severity === 'error'));
    if (errors.length) throw new JixiaoError({ code: 'CONFLICT', zh: `还有 ${errors.length} 个错误，不能提交`, en: `${errors.length} errors must be fixed before submitting`, details: { findings: errors } });
  }
}

/** Who made the document's latest submission (null if it was never submitted). */
function lastSubmitter(review: ReviewState): string | null {
  const submitted = review.activity.filter((a) => a.action === 'status' && a.to === 'submitted');
  return submitted[submitted.length - 1]?.user.sub ?? null;
}

interface WorkflowDeps {
  access: AccessService;
  writer: ReviewWriter;
  docs: DocService;
  versions: VersionService;
  /** The content writes under way, and the hold a status change puts on them. */
  writes: DocWrites;
  /** The store's lock, which instances sharing it honour too. */
  locks: Pick<KvStore, 'withLock'>;
}
