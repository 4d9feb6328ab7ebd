import type * as Y from 'yjs';
import type { ReviewApi } from '../api/review-api.ts';
import type { AnchorState } from '../api/review-schemas.ts';
import type { ReviewState } from '../../shared/review/review-types.ts';
import { ReviewChangeEvent } from '../collab/review-connection.ts';
import type { Mentionable } from './mention-query.ts';
import { ReviewIndex } from './review-index.ts';
import { readAcknowledgements, type Acknowledgement } from '../../shared/review/acknowledgements.ts';

/** Fired by a {@link ReviewModel} whenever what it shows changed. */
export class ReviewModelChangeEvent extends Event {
  static readonly eventName = 'review-model-change';

  constructor() {
    super(ReviewModelChangeEvent.eventName);
  }
}

/** Where the live review state comes from: a `ReviewConnection`, firing `review-change`. */
export interface ReviewSource extends EventTarget {
  readonly state: ReviewState;
  /** The review document itself, for what `state` does not carry (已确认 marks). */
  readonly doc?: Y.Doc;
}

/** Milliseconds of quiet before anchors and staleness are fetched again after a change. */
export interface ReviewRefetchDelays {
  /** After the review document changed (a new thread, a decided suggestion). */
  review: number;
  /** After the content changed (typing moves text anchors and makes suggestions stale). */
  content: number;
}

const DEFAULT_DELAYS: ReviewRefetchDelays = { review: 150, content: 800 };

/**
 * The review of one open document as this user sees it: threads, suggestions and status live
 * from the review document, plus what only the server can tell — where each thread's anchor
 * points now (`GET …/comments`) and which suggestions went stale (`GET …/suggestions`) —
 * fetched again, debounced, whenever the review or the content changes. Also the user's role on
 * the document (`GET …/access`, then kept current with {@link setRole}).
 */
export class ReviewModel extends EventTarget {
  readonly connection: ReviewSource;
  readonly api: ReviewApi;
  readonly #content: Y.Doc;
  readonly #delays: ReviewRefetchDelays;
  #anchors: ReadonlyMap<string, AnchorState> = new Map();
  #stale: ReadonlySet<string> = new Set();
  #role: string | null = null;
  #people: readonly Mentionable[] = [];
  #index: ReviewIndex | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #timerDue = Infinity;
  #fetching: Promise<void> | null = null;
  #again = false;
  #destroyed = false;

  constructor(options: { connection: ReviewSource; content: Y.Doc; api: ReviewApi; delays?: Partial<ReviewRefetchDelays> }) {
    super();
    this.connection = options.connection;
    this.api = options.api;
    this.#content = options.content;
    this.#delays = { ...DEFAULT_DELAYS, ...options.delays };
    this.connection.addEventListener(ReviewChangeEvent.eventName, this.#onReview);
    this.#content.on('update', this.#onContent);
    this.api.access().then(
      (access) => {
        this.#people = access.people;
        if (this.#role === null) this.setRole(access.role);
        else this.#changed();
      },
      () => undefined, // The connection reports a refused token; the role stays unknown.
    );
    this.#schedule(0);
  }

  /** Threads, suggestions and status arranged for rendering. */
  get index(): ReviewIndex {
    this.#index ??= new ReviewIndex(this.connection.state, this.#anchors, this.#stale);
    return this.#index;
  }

  /** People beyond the members who may be @mentioned (of the organisations that reach the document). */
  get people(): readonly Mentionable[] {
    return this.#people;
  }

  /** The 已确认 marks of the document's findings, by `acknowledgementKey`. */
  get acknowledgements(): ReadonlyMap<string, Acknowledgement> {
    return this.connection.doc ? readAcknowledgements(this.connection.doc) : new Map();
  }

  /** The user's role on this document; null until the server said. */
  get role(): string | null {
    return this.#role;
  }

  /** Takes the role the server announced (at open, or pushed when the owner changed it). */
  setRole(role: string): void {
    if (role === this.#role) return;
    this.#role = role;
    this.#changed();
  }

  /** Fetches anchors and staleness now (after one's own change, so it shows at once). */
  refresh(): Promise<void> {
    this.#schedule(0);
    return this.#fetching ?? Promise.resolve();
  }

  /** Stops listening and fetching. */
  destroy(): void {
    this.#destroyed = true;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.connection.removeEventListener(ReviewChangeEvent.eventName, this.#onReview);
    this.#content.off('update', this.#onContent);
  }

  readonly #onReview = (): void => {
    // Membership is part of the review: a role changed while this tab was offline arrives here on reconnect.
    this.api.access().then(
      (access) => !this.#destroyed && this.setRole(access.role),
      () => undefined,
    );
    this.#changed();
    this.#schedule(this.#delays.review);
  };

  readonly #onContent = (): void => {
    const { threads, suggestions } = this.connection.state;
    if (threads.length > 0 || suggestions.some((s) => s.status === 'open')) this.#schedule(this.#delays.content);
  };

  // A sooner request wins over a later one; a later one never postpones a pending fetch forever.
  #schedule(delay: number): void {
    const due = Date.now() + delay;
    if (this.#timer !== null && this.#timerDue <= due) return;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timerDue = due;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#timerDue = Infinity;
      void this.#fetch();
    }, delay);
  }

  async #fetch(): Promise<void> {
    if (this.#fetching) {
      this.#again = true;
      return this.#fetching;
    }
    this.#fetching = (async () => {
      try {
        const [threads, suggestions] = await Promise.all([this.api.threads(), this.api.suggestions()]);
        if (this.#destroyed) return;
        this.#anchors = new Map(threads.map((t) => [t.id, t.anchorState]));
        this.#stale = new Set(suggestions.filter((s) => s.stale).map((s) => s.id));
        this.#changed();
      } catch {
        // Offline or refused: keep what was known; the next change fetches again.
      } finally {
        this.#fetching = null;
      }
      if (this.#again && !this.#destroyed) {
        this.#again = false;
        this.#schedule(0);
      }
    })();
    return this.#fetching;
  }

  #changed(): void {
    this.#index = null;
    this.dispatchEvent(new ReviewModelChangeEvent());
  }
}
