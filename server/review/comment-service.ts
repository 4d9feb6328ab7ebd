import { JixiaoError } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { findMentions } from '../../shared/review/find-mentions.ts';
import { COMMENTERS, ROLES } from '../../shared/review/workflow.ts';
import { putThread, readReview } from '../../shared/review/review-ydoc.ts';
import type { AnchorInput } from '../../shared/review/review-schema.ts';
import type { Thread } from '../../shared/review/review-types.ts';
import type { Identity } from '../auth/tokens.ts';
import type { DocService } from '../docs/doc-service.ts';
import { forbidden, type AccessService } from './access-service.ts';
import { resolveAnchor, toStoredAnchor, type AnchorState } from './anchors.ts';
import type { ReviewWriter } from './review-writer.ts';
import { mentionablePeople } from '../people/mention-candidates.ts';
import type { SeenPerson } from '../people/people-directory.ts';

/** A thread with where its anchor points now. */
export type ThreadView = Thread & { anchorState: AnchorState };

/**
 * Comment threads, written by the server for the verified user (author and time stamped here;
 * only the author edits or deletes a comment). Live for everyone through the review document.
 */
export class CommentService {
  private readonly access: AccessService;
  private readonly writer: ReviewWriter;
  private readonly docs: DocService;

  private readonly seen: () => Promise<readonly SeenPerson[]>;

  /** `seen`: everyone the server has seen (the people directory), for documents without an organisation. */
  constructor(access: AccessService, writer: ReviewWriter, docs: DocService, seen: () => Promise<readonly SeenPerson[]> = () => Promise.resolve([])) {
    this.seen = seen;
    this.access = access;
    this.writer = writer;
    this.docs = docs;
  }

  /** All threads with their anchors resolved against the document as it is now. */
  async list(docId: string, user: Identity): Promise<ThreadView[]> {
    const { review } = await this.access.require(docId, user, ROLES);
    // Nothing to resolve: no read of the document (a whole load from disk while it is not open).
    if (review.threads.length === 0) return [];
    return this.docs.read(docId, (doc) => review.threads.map((t) => ({ ...t, anchorState: resolveAnchor(doc, t.anchor) })));
  }

  /** Opens a thread; returns its id. */
  async create(docId: string, user: Identity, anchorInput: AnchorInput, text: string): Promise<string> {
    const { review } = await this.access.require(docId, user, COMMENTERS);
    const anchor = await this.docs.read(docId, (doc) => toStoredAnchor(doc, anchorInput));
    const now = new Date().toISOString();
    const thread: Thread = {
      id: newId(),
      anchor,
      status: 'open',
      createdAt: now,
      author: person(user),
      comments: [{ id: newId(), author: person(user), at: now, text, mentions: findMentions(text, { ...(await this.mentionable(docId)), ...review.members }) }],
    };
    await this.writer.review(docId, user, (doc) => putThread(doc, thread));
    return thread.id;
  }

  /** Adds a reply; returns the comment id. */
  async reply(docId: string, user: Identity, threadId: string, text: string): Promise<string> {
    await this.access.require(docId, user, COMMENTERS);
    const id = newId();
    await this.change(docId, user, threadId, (t, members) => ({
      ...t,
      comments: [...t.comments, { id, author: person(user), at: new Date().toISOString(), text, mentions: findMentions(text, members) }],
    }));
    return id;
  }

  /** Resolves or reopens a thread. */
  async setResolved(docId: string, user: Identity, threadId: string, resolved: boolean): Promise<void> {
    await this.access.require(docId, user, COMMENTERS);
    await this.change(docId, user, threadId, (t) => {
      const { resolvedBy: _b, resolvedAt: _a, ...rest } = t;
      return resolved ? { ...rest, status: 'resolved', resolvedBy: person(user), resolvedAt: new Date().toISOString() } : { ...rest, status: 'open' };
    });
  }

  /** Edits (text) or deletes (null) one's own comment; a deleted comment stays as a placeholder. */
  async editComment(docId: string, user: Identity, threadId: string, commentId: string, text: string | null): Promise<void> {
    await this.access.require(docId, user, COMMENTERS);
    await this.change(docId, user, threadId, (t, members) => {
      const target = t.comments.find((c) => c.id === commentId);
      if (!target) throw new JixiaoError({ code: 'NOT_FOUND', zh: '找不到该评论', en: 'No such comment' });
      if (target.author.sub !== user.sub) throw forbidden('只能修改或删除自己的评论', 'Only the author may edit or delete a comment');
      const now = new Date().toISOString();
      const next = text === null ? { ...target, text: '', mentions: [], deleted: true, editedAt: now } : { ...target, text, mentions: findMentions(text, members), editedAt: now };
      return { ...t, comments: t.comments.map((c) => (c.id === commentId ? next : c)) };
    });
  }

  private async change(docId: string, user: Identity, threadId: string, fn: (t: Thread, members: Record<string, { name: string }>) => Thread): Promise<void> {
    const people = await this.mentionable(docId);
    await this.writer.review(docId, user, (doc) => {
      const review = readReview(doc);
      const thread = review.threads.find((t) => t.id === threadId);
      if (!thread) throw new JixiaoError({ code: 'NOT_FOUND', zh: '找不到该批注', en: 'No such thread' });
      putThread(doc, fn(thread, { ...people, ...review.members }));
    });
  }

  /** Whom a comment can mention beyond the members, by sub (members come on top). */
  private async mentionable(docId: string): Promise<Record<string, { name: string }>> {
    return Object.fromEntries((await mentionablePeople(this.access, this.seen, docId)).map((p) => [p.sub, { name: p.name }]));
  }
}

function person(user: Identity): { sub: string; name: string } {
  return { sub: user.sub, name: user.name };
}
