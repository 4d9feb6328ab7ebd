import { describe, expect, it } from 'vitest';
import { anchorInputOf, canSuggestAt, historyQueryOf, parseTargetKey, targetKey, type ReviewTarget } from '../../client/review/review-target.ts';
import { AnchorInputSchema } from '../../shared/review/review-schema.ts';

const PLACES: ReviewTarget[] = [
  { kind: 'cell', project: 'p-reception', indicator: 'r-qty', field: 'value' },
  { kind: 'header', project: 'p-reception', field: 'budget.total' },
  { kind: 'text', section: 'overallGoal' },
  { kind: 'text', section: 'purpose', project: 'p-reception' },
  { kind: 'project', project: 'p-reception' },
  { kind: 'document' },
];

describe('review targets', () => {
  it('name every kind of place by a key that reads back as the same place', () => {
    expect(PLACES.map(targetKey)).toEqual([
      'cell:p-reception:r-qty:value',
      'header:p-reception:budget.total',
      'text:overallGoal',
      'text:purpose:p-reception',
      'project:p-reception',
      'document',
    ]);
    for (const place of PLACES) expect(parseTargetKey(targetKey(place))).toEqual(place);
  });

  it('leaves a text range out of the key, so every thread on one text shares it', () => {
    expect(targetKey({ kind: 'text', section: 'subGoals', from: 2, to: 6 })).toBe('text:subGoals');
  });

  it('refuses keys that name no place', () => {
    for (const key of ['', 'cell:p:r:nope', 'header:p:price', 'text:purpose', 'text:overallGoal:p', 'project:', 'document:x', 'row:p:r']) {
      expect(parseTargetKey(key)).toBeNull();
    }
  });

  it('turns each place into an anchor the API accepts', () => {
    for (const place of PLACES) expect(AnchorInputSchema.safeParse(anchorInputOf(place)).success).toBe(true);
    expect(anchorInputOf({ kind: 'text', section: 'goal', project: 'p1', from: 3, to: 7 })).toEqual({ section: 'goal', project: 'p1', from: 3, to: 7 });
    expect(anchorInputOf({ kind: 'text', section: 'safeguards', from: 5, to: 2 })).toEqual({ section: 'safeguards', from: 5, to: 5 });
  });

  it('asks for the history of cells, fields and texts only, and suggests on cells and non-text fields', () => {
    expect(PLACES.map(historyQueryOf)).toEqual([
      { project: 'p-reception', indicator: 'r-qty', field: 'value' },
      { project: 'p-reception', field: 'budget.total' },
      { section: 'overallGoal' },
      { project: 'p-reception', field: 'purpose' },
      null,
      null,
    ]);
    expect(PLACES.map(canSuggestAt)).toEqual([true, true, false, false, false, false]);
    expect(canSuggestAt({ kind: 'header', project: 'p', field: 'goal' })).toBe(false);
  });
});
