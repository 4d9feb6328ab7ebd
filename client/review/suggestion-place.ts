import type { Suggestion } from '../../shared/review/review-types.ts';
import { parseTargetKey, type ReviewTarget } from './review-target.ts';

/** The place a suggestion is about: its cell or header field, or the row (as its project) for new and deleted rows. */
export function suggestionPlace(s: Pick<Suggestion, 'kind' | 'project' | 'indicator' | 'field'>): ReviewTarget {
  const key = s.kind === 'cell' ? `cell:${s.project}:${s.indicator ?? ''}:${s.field ?? ''}` : s.kind === 'header' ? `header:${s.project}:${s.field ?? ''}` : '';
  const parsed = key ? parseTargetKey(key) : null;
  if (parsed) return parsed;
  if (s.kind === 'delete' && s.indicator) return { kind: 'cell', project: s.project, indicator: s.indicator, field: 'name' };
  return { kind: 'project', project: s.project };
}

/** Open suggestions grouped by author (in order of each author's first), for 采纳全部（某人）. */
export function groupByAuthor<S extends Pick<Suggestion, 'author'>>(suggestions: readonly S[]): Array<{ author: Suggestion['author']; suggestions: S[] }> {
  const groups = new Map<string, { author: Suggestion['author']; suggestions: S[] }>();
  for (const s of suggestions) {
    const group = groups.get(s.author.sub) ?? { author: s.author, suggestions: [] };
    group.suggestions.push(s);
    groups.set(s.author.sub, group);
  }
  return [...groups.values()];
}
