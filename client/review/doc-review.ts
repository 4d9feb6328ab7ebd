import type { Peer } from '../collab/peer.ts';
import type { ReviewIndex } from './review-index.ts';
import type { InlineReview } from './suggestion-templates.ts';
import { colorForSub } from './user-color.ts';
import { canComment, canDecideSuggestions, canEditContent, canSuggest } from '../../shared/review/workflow.ts';

/**
 * What the document's own elements (grids, headers, texts) need to show the review inline: the
 * index, how to show and decide suggestions, whether edits become suggestions, and what the
 * user may do. One object per change of any of these, so elements re-render only then.
 */
export interface DocReview {
  index: ReviewIndex;
  inline: InlineReview;
  /** Edits become suggestions (建议模式 on, and the user may suggest). */
  suggesting: boolean;
  may: { comment: boolean; suggest: boolean };
}

/** The inputs a {@link DocReview} is made of. */
export interface DocReviewInputs {
  index: ReviewIndex;
  role: string;
  suggestMode: boolean;
  peers: readonly Peer[];
}

/**
 * Builds a {@link DocReview} only when its inputs changed (people count only by their colours),
 * handing out the previous object otherwise.
 */
export class DocReviewCache {
  #key: unknown[] = [];
  #value: DocReview | null = null;

  /** The review for `inputs`. */
  get(inputs: DocReviewInputs): DocReview {
    const colors = new Map(inputs.peers.map((p) => [p.sub, p.color]));
    const signature = JSON.stringify([...colors]);
    const key = [inputs.index, inputs.role, inputs.suggestMode, signature];
    if (this.#value && key.every((k, i) => k === this.#key[i])) return this.#value;
    const { index, role } = inputs;
    const status = index.state.status;
    const may = { comment: canComment(role), suggest: canSuggest(role, status) };
    this.#key = key;
    this.#value = {
      index,
      inline: { colorOf: (sub) => colors.get(sub) ?? colorForSub(sub), canDecide: canDecideSuggestions(role), canAccept: canEditContent(role, status) },
      suggesting: inputs.suggestMode && may.suggest,
      may,
    };
    return this.#value;
  }
}
