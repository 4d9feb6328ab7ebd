import { describe, expect, it } from 'vitest';
import { parseAccessMessage } from '../../client/review/access-message.ts';
import { filterThreads } from '../../client/review/thread-filter.ts';
import { allowedTransitions, canDecideSuggestions, canEditContent, canSuggest, readonlyReason } from '../../client/review/workflow-rules.ts';
import type { Thread } from '../../shared/review/review-types.ts';

const person = (sub: string) => ({ sub, name: sub.toUpperCase() });
const comment = (id: string, author: string, mentions: string[] = [], deleted = false) => ({ id, author: person(author), at: '2025-01-01T00:00:00Z', text: deleted ? '' : id, mentions, ...(deleted ? { deleted } : {}) });
const thread = (id: string, status: 'open' | 'resolved', comments: Thread['comments']): Thread => ({
  id,
  anchor: { kind: 'document' },
  status,
  createdAt: '2025-01-01T00:00:00Z',
  author: comments[0]!.author,
  comments,
});

describe('the workflow as the client offers it', () => {
  it('offers each role only the status changes the server accepts', () => {
    expect(allowedTransitions('editor', 'draft')).toEqual(['submitted']);
    expect(allowedTransitions('reviewer', 'draft')).toEqual([]);
    expect(allowedTransitions('reviewer', 'submitted')).toEqual(['returned']);
    expect(allowedTransitions('owner', 'submitted')).toEqual(['returned', 'approved']);
    expect(allowedTransitions('editor', 'returned')).toEqual(['submitted', 'draft']);
    expect(allowedTransitions('owner', 'approved')).toEqual([]);
    expect(allowedTransitions('viewer', 'submitted')).toEqual([]);
  });

  it('says why content is read-only, the document status before the role', () => {
    expect(readonlyReason('editor', 'draft', false)).toBeNull();
    expect(readonlyReason('reviewer', 'draft', true)).toBe('reviewer');
    expect(readonlyReason('viewer', 'returned', true)).toBe('viewer');
    expect(readonlyReason('editor', 'submitted', true)).toBe('submitted');
    expect(readonlyReason('reviewer', 'approved', true)).toBe('approved');
    expect(readonlyReason('editor', 'draft', true)).toBe('other');
  });

  it('lets reviewers suggest but only editors and owners decide and edit', () => {
    expect(canSuggest('reviewer', 'submitted')).toBe(true);
    expect(canSuggest('reviewer', 'approved')).toBe(false);
    expect(canSuggest('viewer', 'draft')).toBe(false);
    expect(canDecideSuggestions('reviewer')).toBe(false);
    expect(canDecideSuggestions('editor')).toBe(true);
    expect(canEditContent('editor', 'returned')).toBe(true);
    expect(canEditContent('owner', 'submitted')).toBe(false);
  });

  it('reads the server\'s access message and ignores anything else', () => {
    expect(parseAccessMessage('{"type":"access","role":"reviewer","readOnly":true,"status":"draft"}')).toEqual({ type: 'access', role: 'reviewer', readOnly: true, status: 'draft' });
    expect(parseAccessMessage('{"type":"access","role":"editor","readOnly":"no","status":"draft"}')).toBeNull();
    expect(parseAccessMessage('{"type":"access","role":"editor","readOnly":false,"status":"archived"}')).toBeNull();
    expect(parseAccessMessage('not json')).toBeNull();
  });
});

describe('comment filters', () => {
  const threads = [
    thread('t1', 'open', [comment('c1', 'dave', ['bob'])]),
    thread('t2', 'resolved', [comment('c2', 'bob'), comment('c3', 'dave')]),
    thread('t3', 'open', [comment('c4', 'alice'), comment('c5', 'bob', [], true)]),
  ];
  const ids = (list: Thread[]) => list.map((t) => t.id);

  it('splits open from resolved threads', () => {
    expect(ids(filterThreads(threads, 'open', 'bob'))).toEqual(['t1', 't3']);
    expect(ids(filterThreads(threads, 'resolved', 'bob'))).toEqual(['t2']);
  });

  it('finds the threads I started or joined (a deleted comment does not count) and those mentioning me', () => {
    expect(ids(filterThreads(threads, 'mine', 'bob'))).toEqual(['t2']);
    expect(ids(filterThreads(threads, 'mine', 'dave'))).toEqual(['t1', 't2']);
    expect(ids(filterThreads(threads, 'mentions', 'bob'))).toEqual(['t1']);
    expect(ids(filterThreads(threads, 'mentions', 'alice'))).toEqual([]);
  });
});
