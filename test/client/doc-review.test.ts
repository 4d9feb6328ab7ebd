import { describe, expect, it } from 'vitest';
import type { Peer } from '../../client/collab/peer.ts';
import { DocReviewCache } from '../../client/review/doc-review.ts';
import { ReviewIndex } from '../../client/review/review-index.ts';
import { groupByAuthor, suggestionPlace } from '../../client/review/suggestion-place.ts';
import { colorForSub } from '../../client/review/user-color.ts';
import type { Suggestion } from '../../shared/review/review-types.ts';

const peer = (sub: string, color: string, clientId = 1): Peer => ({ clientId, sub, name: sub, role: 'reviewer', color, cursor: null });
const index = (status: 'draft' | 'submitted' | 'approved' = 'draft') => new ReviewIndex({ status, members: {}, threads: [], suggestions: [], activity: [] }, new Map(), new Set());

describe('DocReviewCache', () => {
  it('hands out the same review while nothing it shows changed, so cells do not re-render for nothing', () => {
    const cache = new DocReviewCache();
    const i = index();
    const first = cache.get({ index: i, role: 'reviewer', suggestMode: true, peers: [peer('dave', 'red')] });
    expect(cache.get({ index: i, role: 'reviewer', suggestMode: true, peers: [{ ...peer('dave', 'red'), cursor: { section: 'overallGoal' } }] })).toBe(first);
    expect(cache.get({ index: i, role: 'reviewer', suggestMode: false, peers: [peer('dave', 'red')] })).not.toBe(first);
    expect(cache.get({ index: index(), role: 'reviewer', suggestMode: false, peers: [peer('dave', 'red')] })).not.toBe(first);
  });

  it('colours a reviewer by their presence, else by their account; lets only editors decide, and only while content may change', () => {
    const cache = new DocReviewCache();
    const review = cache.get({ index: index(), role: 'editor', suggestMode: false, peers: [peer('dave', 'rgb(1, 2, 3)')] });
    expect(review.inline.colorOf('dave')).toBe('rgb(1, 2, 3)');
    expect(review.inline.colorOf('erin')).toBe(colorForSub('erin'));
    expect([review.inline.canDecide, review.inline.canAccept, review.suggesting]).toEqual([true, true, false]);
    const locked = cache.get({ index: index('submitted'), role: 'editor', suggestMode: true, peers: [] });
    expect([locked.inline.canDecide, locked.inline.canAccept, locked.suggesting]).toEqual([true, false, true]);
    const approved = cache.get({ index: index('approved'), role: 'reviewer', suggestMode: true, peers: [] });
    expect([approved.suggesting, approved.may.suggest, approved.may.comment]).toEqual([false, false, true]);
    expect(cache.get({ index: index(), role: 'viewer', suggestMode: true, peers: [] }).may).toEqual({ comment: false, suggest: false });
  });
});

describe('suggestion places', () => {
  const base = { id: 's', author: { sub: 'dave', name: '赵六' }, at: '', status: 'open' as const, project: 'p1' };
  it('names the cell, field or row a suggestion is about', () => {
    expect(suggestionPlace({ ...base, kind: 'cell', indicator: 'r1', field: 'value' })).toEqual({ kind: 'cell', project: 'p1', indicator: 'r1', field: 'value' });
    expect(suggestionPlace({ ...base, kind: 'header', field: 'budget.total' })).toEqual({ kind: 'header', project: 'p1', field: 'budget.total' });
    expect(suggestionPlace({ ...base, kind: 'delete', indicator: 'r2' })).toEqual({ kind: 'cell', project: 'p1', indicator: 'r2', field: 'name' });
    expect(suggestionPlace({ ...base, kind: 'insert' })).toEqual({ kind: 'project', project: 'p1' });
    expect(suggestionPlace({ ...base, kind: 'header', field: 'nonsense' })).toEqual({ kind: 'project', project: 'p1' });
  });

  it('groups suggestions by reviewer in order of their first', () => {
    const s = (id: string, sub: string): Pick<Suggestion, 'author'> & { id: string } => ({ id, author: { sub, name: sub } });
    const groups = groupByAuthor([s('1', 'dave'), s('2', 'erin'), s('3', 'dave')]);
    expect(groups.map((g) => [g.author.sub, g.suggestions.map((x) => x.id)])).toEqual([['dave', ['1', '3']], ['erin', ['2']]]);
  });
});
