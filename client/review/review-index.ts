import type { ReviewState, Suggestion, Thread } from '../../shared/review/review-types.ts';
import type { AnchorState } from '../api/review-schemas.ts';
import { targetKey } from './review-target.ts';

/** A suggestion with whether it went stale (its target changed since it was made). */
export type OpenSuggestion = Suggestion & { stale: boolean };

const NO_THREADS: readonly Thread[] = [];
const NO_SUGGESTIONS: readonly OpenSuggestion[] = [];

/**
 * The review state arranged for rendering: threads by the place they are anchored to (see
 * {@link targetKey}), open suggestions by cell or field, rows suggested for deletion, and rows
 * suggested as new per project. Built once per change of the review state, read by every cell.
 */
export class ReviewIndex {
  static readonly EMPTY = new ReviewIndex({ status: 'draft', members: {}, threads: [], suggestions: [], activity: [] }, new Map(), new Set());

  readonly state: ReviewState;
  readonly anchors: ReadonlyMap<string, AnchorState>;
  readonly #threads = new Map<string, Thread[]>();
  readonly #values = new Map<string, OpenSuggestion[]>();
  readonly #deletions = new Map<string, OpenSuggestion[]>();
  readonly #insertions = new Map<string, OpenSuggestion[]>();

  /** `anchors`: where each thread's anchor points now, by thread id; `stale`: ids of stale suggestions. */
  constructor(state: ReviewState, anchors: ReadonlyMap<string, AnchorState>, stale: ReadonlySet<string>) {
    this.state = state;
    this.anchors = anchors;
    for (const t of state.threads) push(this.#threads, targetKey(t.anchor), t);
    for (const s of state.suggestions) {
      if (s.status !== 'open') continue;
      const open = { ...s, stale: stale.has(s.id) };
      if (s.kind === 'cell' && s.indicator && s.field) push(this.#values, `cell:${s.project}:${s.indicator}:${s.field}`, open);
      else if (s.kind === 'header' && s.field) push(this.#values, `header:${s.project}:${s.field}`, open);
      else if (s.kind === 'delete' && s.indicator) push(this.#deletions, `${s.project}:${s.indicator}`, open);
      else if (s.kind === 'insert') push(this.#insertions, s.project, open);
    }
  }

  /** Threads anchored at the place `key` names (open and resolved), oldest first. */
  threadsAt(key: string): readonly Thread[] {
    return this.#threads.get(key) ?? NO_THREADS;
  }

  /** How many open threads are anchored at `key`. */
  openThreadsAt(key: string): number {
    return this.threadsAt(key).filter((t) => t.status === 'open').length;
  }

  /** Open value suggestions for the cell or header field `key` (`cell:…` / `header:…`), oldest first. */
  suggestionsAt(key: string): readonly OpenSuggestion[] {
    return this.#values.get(key) ?? NO_SUGGESTIONS;
  }

  /** Open suggestions to delete row `indicator` of `project`. */
  deletionsOf(project: string, indicator: string): readonly OpenSuggestion[] {
    return this.#deletions.get(`${project}:${indicator}`) ?? NO_SUGGESTIONS;
  }

  /** Open suggestions of new rows in `project`, oldest first. */
  insertionsIn(project: string): readonly OpenSuggestion[] {
    return this.#insertions.get(project) ?? NO_SUGGESTIONS;
  }

  /** New rows suggested right after row `after` of `project` (null: before the first row). */
  insertionsAfter(project: string, after: string | null): readonly OpenSuggestion[] {
    return this.insertionsIn(project).filter((s) => (s.insertAfter ?? null) === after);
  }

  /** Every open suggestion, oldest first. */
  get openSuggestions(): OpenSuggestion[] {
    return [...this.#values.values(), ...this.#deletions.values(), ...this.#insertions.values()].flat().sort((a, b) => a.at.localeCompare(b.at));
  }

  /** Whether thread `id`'s anchor is gone (its row, project or quoted text); false until known. */
  isDetached(id: string): boolean {
    return this.anchors.get(id)?.detached ?? false;
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
