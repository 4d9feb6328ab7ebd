import type * as Y from 'yjs';
import type { z } from 'zod/mini';
import { DOC_STATUSES, type DocStatus } from './workflow.ts';
import { ActivitySchema, MemberSchema, SuggestionSchema, ThreadSchema, type Activity, type Member, type ReviewState, type Suggestion, type Thread } from './review-types.ts';

/*
 * Layout of the review document `<docId>.review` (written only by the server):
 *   workflow     Y.Map    status
 *   members      Y.Map<sub, Member>
 *   threads      Y.Map<threadId, Thread JSON>      (a thread is rewritten whole on each change)
 *   suggestions  Y.Map<suggestionId, Suggestion JSON>
 *   activity     Y.Array<Activity JSON>
 */

/** The review document's name for a budget document id. */
export function reviewDocName(docId: string): string {
  return `${docId}.review`;
}

/** Reads the whole review state; entries that do not parse are skipped, never trusted. */
export function readReview(doc: Y.Doc): ReviewState {
  const status = doc.getMap('workflow').get('status');
  return {
    status: (DOC_STATUSES as readonly string[]).includes(status as string) ? (status as DocStatus) : 'draft',
    members: Object.fromEntries(parsedEntries(doc.getMap('members'), MemberSchema)) as Record<string, Member>,
    threads: parsedEntries(doc.getMap('threads'), ThreadSchema).map(([, t]) => t).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    suggestions: parsedEntries(doc.getMap('suggestions'), SuggestionSchema).map(([, s]) => s).sort((a, b) => a.at.localeCompare(b.at)),
    activity: doc.getArray('activity').toArray().flatMap((a) => parsed(ActivitySchema, a)),
  };
}

/** Writes a thread (server only). */
export function putThread(doc: Y.Doc, thread: Thread): void {
  doc.getMap('threads').set(thread.id, thread);
}

/** Writes a suggestion (server only). */
export function putSuggestion(doc: Y.Doc, suggestion: Suggestion): void {
  doc.getMap('suggestions').set(suggestion.id, suggestion);
}

/** Sets the workflow status (server only). */
export function putStatus(doc: Y.Doc, status: DocStatus): void {
  doc.getMap('workflow').set('status', status);
}

/** Sets or removes (null) a member's per-document role (server only). */
export function putMember(doc: Y.Doc, sub: string, member: Member | null): void {
  if (member) doc.getMap('members').set(sub, member);
  else doc.getMap('members').delete(sub);
}

/** Appends to the activity log (server only). */
export function appendActivity(doc: Y.Doc, entry: Activity): void {
  doc.getArray('activity').push([entry]);
}

function parsedEntries<T>(map: Y.Map<unknown>, schema: z.ZodMiniType<T>): Array<[string, T]> {
  const out: Array<[string, T]> = [];
  map.forEach((value, key) => {
    const r = schema.safeParse(value);
    if (r.success) out.push([key, r.data]);
  });
  return out;
}

function parsed<T>(schema: z.ZodMiniType<T>, value: unknown): T[] {
  const r = schema.safeParse(value);
  return r.success ? [r.data] : [];
}

export type { Activity, Member, Suggestion, Thread };
