import { z } from 'zod/mini';
import type { Grant } from '../../shared/access/grants.ts';
import type { NewSuggestion } from '../../shared/review/review-schema.ts';
import type { DocStatus, Role } from '../../shared/review/workflow.ts';
import { anchorInputOf, type ReviewTarget } from '../review/review-target.ts';
import { segment, type DocEndpoint } from './doc-endpoint.ts';
import {
  AcceptAllAnswerSchema,
  AccessAnswerSchema,
  GrantRowSchema,
  MemberRowSchema,
  MentionCandidateSchema,
  StatusAnswerSchema,
  SuggestionViewSchema,
  ThreadViewSchema,
  type AcceptAllAnswer,
  type AccessAnswer,
  type GrantRow,
  type MemberRow,
  type MentionCandidate,
  type SuggestionView,
  type ThreadView,
} from './review-schemas.ts';
import { IdAnswerSchema, OkAnswerSchema } from './version-schemas.ts';
import type { FindingPlace } from '../../shared/rules/index.ts';

/**
 * Comments, suggestions, workflow status and membership of one document. Every write goes
 * through here; the server stamps author and time and the review document shows the result live.
 */
export class ReviewApi {
  readonly #doc: DocEndpoint;

  constructor(doc: DocEndpoint) {
    this.#doc = doc;
  }

  /** The caller's role on the document, its status and the activity log. */
  access(): Promise<AccessAnswer> {
    return this.#doc.get('/access', AccessAnswerSchema);
  }

  /** Members with a per-document role. */
  members(): Promise<MemberRow[]> {
    return this.#doc.get('/members', z.array(MemberRowSchema));
  }

  /** Everyone who may be @mentioned in the document (members and people the server has seen), without the caller. */
  people(): Promise<MentionCandidate[]> {
    return this.#doc.get('/people', z.array(MentionCandidateSchema));
  }

  /** Gives `sub` (named `name`) the role `role` on this document (owner only). */
  async setMember(sub: string, name: string, role: Role): Promise<void> {
    await this.#doc.send('PUT', `/members/${segment(sub)}`, OkAnswerSchema, { role, name });
  }

  /** Removes `sub`'s per-document role (owner only). */
  async removeMember(sub: string): Promise<void> {
    await this.#doc.send('DELETE', `/members/${segment(sub)}`, OkAnswerSchema);
  }

  /** Every grant of the document (owners only). */
  async grants(): Promise<GrantRow[]> {
    return (await this.#doc.get('/grants', z.object({ grants: z.array(GrantRowSchema) }))).grants;
  }

  /** Sets `sub`'s edit rights (owners only); takes effect on open connections at once. */
  async setGrant(sub: string, grant: Grant): Promise<void> {
    await this.#doc.send('PUT', `/grants/${segment(sub)}`, OkAnswerSchema, grant);
  }

  /** Removes `sub`'s grant: back to everything their role allows. */
  async removeGrant(sub: string): Promise<void> {
    await this.#doc.send('DELETE', `/grants/${segment(sub)}`, OkAnswerSchema);
  }

  /** Every thread with where its anchor points now. */
  threads(): Promise<ThreadView[]> {
    return this.#doc.get('/comments', z.array(ThreadViewSchema));
  }

  /** Opens a thread at `target` with a first comment; resolves to its id. */
  async createThread(target: ReviewTarget, text: string): Promise<string> {
    return (await this.#doc.send('POST', '/comments', IdAnswerSchema, { anchor: anchorInputOf(target), text })).id;
  }

  /** Adds a reply to thread `threadId`. */
  async reply(threadId: string, text: string): Promise<void> {
    await this.#doc.send('POST', `/comments/${segment(threadId)}/replies`, IdAnswerSchema, { text });
  }

  /** Resolves (true) or reopens (false) a thread. */
  async setResolved(threadId: string, resolved: boolean): Promise<void> {
    await this.#doc.send('PATCH', `/comments/${segment(threadId)}`, OkAnswerSchema, { resolved });
  }

  /** Changes the text of one's own comment; null deletes it (a placeholder stays). */
  async editComment(threadId: string, commentId: string, text: string | null): Promise<void> {
    const path = `/comments/${segment(threadId)}/comments/${segment(commentId)}`;
    await (text === null ? this.#doc.send('DELETE', path, OkAnswerSchema) : this.#doc.send('PATCH', path, OkAnswerSchema, { text }));
  }

  /** Every suggestion; open ones say whether they went stale. */
  suggestions(): Promise<SuggestionView[]> {
    return this.#doc.get('/suggestions', z.array(SuggestionViewSchema));
  }

  /** Proposes a value, a new row or a row deletion; resolves to the suggestion's id. */
  async suggest(input: NewSuggestion): Promise<string> {
    return (await this.#doc.send('POST', '/suggestions', IdAnswerSchema, input)).id;
  }

  /** Accepts (applies) or rejects suggestion `id`; a stale one is refused with 409. */
  async decide(id: string, accept: boolean): Promise<void> {
    await this.#doc.send('POST', `/suggestions/${segment(id)}/${accept ? 'accept' : 'reject'}`, OkAnswerSchema);
  }

  /** Accepts every open, fresh suggestion of reviewer `author`. */
  acceptAll(author: string): Promise<AcceptAllAnswer> {
    return this.#doc.send('POST', '/suggestions/accept-all', AcceptAllAnswerSchema, { author });
  }

  /** Moves the document to `status` (with a comment when returning it); resolves to the status version's id. */
  async changeStatus(status: DocStatus, comment?: string): Promise<string> {
    return (await this.#doc.send('POST', '/status', StatusAnswerSchema, comment ? { status, comment } : { status })).versionId;
  }

  /** Marks a warning 已确认 (`on`) or takes anyone's mark back; errors cannot be marked (409). */
  async acknowledge(ruleId: string, place: FindingPlace, on: boolean): Promise<void> {
    await this.#doc.send(on ? 'POST' : 'DELETE', '/acknowledgements', OkAnswerSchema, { ruleId, place });
  }
}
