import { describe, expect, it } from 'vitest';
import { filterThreads } from '../../client/review/thread-filter.ts';
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
