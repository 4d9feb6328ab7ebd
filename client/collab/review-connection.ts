import { HocuspocusProvider, type HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { readReview, reviewDocName } from '../../shared/review/review-ydoc.ts';
import type { ReviewState } from '../../shared/review/review-types.ts';

/** Fired by a {@link ReviewConnection} whenever the review state changed (or first arrived). */
export class ReviewChangeEvent extends Event {
  static readonly eventName = 'review-change';

  constructor() {
    super(ReviewChangeEvent.eventName);
  }
}

const EMPTY: ReviewState = { status: 'draft', members: {}, threads: [], suggestions: [], activity: [] };

/**
 * The review document `<docId>.review` (threads, suggestions, status, members, activity) kept in
 * sync on the content document's WebSocket. The server writes it and refuses any client update,
 * so this side only reads: no awareness, and `state` is re-read (parsed) after every change.
 */
export class ReviewConnection extends EventTarget {
  readonly doc = new Y.Doc();
  readonly provider: HocuspocusProvider;
  #state: ReviewState = EMPTY;
  #synced = false;

  /** Attaches to `socket`, the WebSocket the content document of `docId` uses. */
  constructor(options: { socket: HocuspocusProviderWebsocket; docId: string; token: string | (() => string) }) {
    super();
    this.provider = new HocuspocusProvider({
      websocketProvider: options.socket,
      name: reviewDocName(options.docId),
      document: this.doc,
      token: options.token,
      awareness: null,
      onSynced: ({ state }) => {
        if (!state || this.#synced) return;
        this.#synced = true;
        this.#read();
      },
    });
    // A provider given a shared socket does not join it by itself (Hocuspocus v4).
    this.provider.attach();
    this.doc.on('update', this.#read);
  }

  /** The review state; empty (draft, no threads) until the first sync. */
  get state(): ReviewState {
    return this.#state;
  }

  /** True once the review document arrived from the server. */
  get synced(): boolean {
    return this.#synced;
  }

  /** Leaves the socket (the content document's session owns and closes it). */
  destroy(): void {
    this.doc.off('update', this.#read);
    this.provider.destroy();
    this.doc.destroy();
  }

  readonly #read = (): void => {
    this.#state = readReview(this.doc);
    this.dispatchEvent(new ReviewChangeEvent());
  };
}
