import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { DocEndpoint } from '../../client/api/doc-endpoint.ts';
import { ReviewApi } from '../../client/api/review-api.ts';
import { ReviewChangeEvent } from '../../client/collab/review-connection.ts';
import { ReviewIndex } from '../../client/review/review-index.ts';
import { ReviewModel, ReviewModelChangeEvent } from '../../client/review/review-model.ts';
import type { ReviewState, Suggestion, Thread } from '../../shared/review/review-types.ts';

const who = { sub: 'dave', name: '赵六' };
const at = '2025-03-01T08:00:00.000Z';
const thread = (id: string, anchor: Thread['anchor'], status: Thread['status'] = 'open'): Thread => ({
  id, anchor, status, createdAt: at, author: who, comments: [{ id: `${id}c`, author: who, at, text: '请核对', mentions: [] }],
});
const suggestion = (id: string, s: Partial<Suggestion>): Suggestion => ({ id, author: who, at, status: 'open', kind: 'cell', project: 'p1', ...s });
const state = (threads: Thread[], suggestions: Suggestion[]): ReviewState => ({ status: 'draft', members: {}, threads, suggestions, activity: [] });

describe('ReviewIndex', () => {
  const index = new ReviewIndex(
    state(
      [thread('t1', { kind: 'cell', project: 'p1', indicator: 'r1', field: 'value' }), thread('t2', { kind: 'cell', project: 'p1', indicator: 'r1', field: 'value' }, 'resolved'), thread('t3', { kind: 'document' })],
      [
        suggestion('s1', { indicator: 'r1', field: 'value', value: '≥50批次', base: '≥45批次' }),
        suggestion('s2', { kind: 'header', field: 'budget.total', value: 21, base: 20 }),
        suggestion('s3', { kind: 'delete', indicator: 'r2' }),
        suggestion('s4', { kind: 'insert', insertAfter: 'r1', row: { name: '新指标' } }),
        suggestion('s5', { kind: 'insert', insertAfter: null, row: { name: '首行' } }),
        suggestion('s6', { indicator: 'r1', field: 'value', status: 'accepted' }),
      ],
    ),
    new Map([['t1', { detached: true }]]),
    new Set(['s1']),
  );

  it('finds threads by the place they are anchored to and counts the open ones', () => {
    expect(index.threadsAt('cell:p1:r1:value').map((t) => t.id)).toEqual(['t1', 't2']);
    expect(index.openThreadsAt('cell:p1:r1:value')).toBe(1);
    expect(index.openThreadsAt('document')).toBe(1);
    expect(index.openThreadsAt('cell:p1:r9:value')).toBe(0);
    expect(index.isDetached('t1')).toBe(true);
    expect(index.isDetached('t3')).toBe(false);
  });

  it('sorts open suggestions into cell values, header values, deletions and new rows, with staleness', () => {
    expect(index.suggestionsAt('cell:p1:r1:value').map((s) => [s.id, s.stale])).toEqual([['s1', true]]);
    expect(index.suggestionsAt('header:p1:budget.total').map((s) => s.id)).toEqual(['s2']);
    expect(index.deletionsOf('p1', 'r2').map((s) => s.id)).toEqual(['s3']);
    expect(index.insertionsAfter('p1', 'r1').map((s) => s.id)).toEqual(['s4']);
    expect(index.insertionsAfter('p1', null).map((s) => s.id)).toEqual(['s5']);
    expect(index.openSuggestions.map((s) => s.id).sort()).toEqual(['s1', 's2', 's3', 's4', 's5']);
  });
});

describe('ReviewModel', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  /** A review source whose state the test sets, and a fetch that answers from `answers`. */
  function setup() {
    const source = Object.assign(new EventTarget(), { state: state([], []) });
    const calls: string[] = [];
    const answers = { comments: [] as unknown[], suggestions: [] as unknown[] };
    vi.stubGlobal('fetch', async (url: URL) => {
      const path = url.pathname.replace('/api/docs/d1', '');
      calls.push(path);
      const body = path === '/access' ? { role: 'editor', status: 'draft', activity: [] } : path === '/comments' ? answers.comments : answers.suggestions;
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    });
    const content = new Y.Doc();
    const api = new ReviewApi(new DocEndpoint('http://jixiao.test', 'd1', () => 'token'));
    const model = new ReviewModel({ connection: source, content, api, delays: { review: 5, content: 20 } });
    return { source, calls, answers, content, model };
  }
  const until = (check: () => boolean) => expect.poll(check).toBe(true);
  // Past every debounce of the model (5 ms after the review, 20 ms after the content changed).
  const settle = () => vi.advanceTimersByTimeAsync(100);

  it('learns the role and fetches anchors and staleness again after the review changed', async () => {
    const { source, calls, answers, model } = setup();
    await until(() => model.role === 'editor' && calls.includes('/comments'));
    const t1 = thread('t1', { kind: 'cell', project: 'p1', indicator: 'r1', field: 'value' });
    const s1 = suggestion('s1', { indicator: 'r1', field: 'value', value: 'x', base: 'y' });
    answers.comments = [{ ...t1, anchorState: { detached: true } }];
    answers.suggestions = [{ ...s1, stale: true }];
    let changes = 0;
    model.addEventListener(ReviewModelChangeEvent.eventName, () => changes++);
    source.state = state([t1], [s1]);
    source.dispatchEvent(new ReviewChangeEvent());
    expect(model.index.threadsAt('cell:p1:r1:value')).toHaveLength(1);
    await until(() => model.index.isDetached('t1'));
    expect(model.index.suggestionsAt('cell:p1:r1:value')[0]?.stale).toBe(true);
    expect(changes).toBeGreaterThanOrEqual(2);
    model.destroy();
  });

  it('fetches again when the content changes only while there is something to re-anchor, debounced', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { source, calls, content, model } = setup();
    const fetches = () => calls.filter((c) => c === '/comments').length;
    await settle();
    expect(fetches()).toBe(1);
    content.getText('overallGoal').insert(0, '无批注时不必重新获取');
    await settle();
    expect(fetches()).toBe(1);
    source.state = state([thread('t1', { kind: 'document' })], []);
    for (let i = 0; i < 5; i++) content.getText('overallGoal').insert(0, String(i));
    await settle();
    expect(fetches()).toBe(2);
    await settle();
    expect(fetches()).toBe(2);
    model.destroy();
  });
});
