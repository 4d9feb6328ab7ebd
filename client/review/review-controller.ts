import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DocEndpoint } from '../api/doc-endpoint.ts';
import { ReviewApi } from '../api/review-api.ts';
import { VersionsApi } from '../api/versions-api.ts';
import type { DocSession } from '../collab/doc-session.ts';
import type { ReviewConnection } from '../collab/review-connection.ts';
import { AccessChangeEvent } from './access-message.ts';
import { ReviewIndex } from './review-index.ts';
import { ReviewModel, ReviewModelChangeEvent } from './review-model.ts';

/** What a document session must offer for review: its content Y.Doc and its review connection. */
type ReviewableSession = Pick<DocSession, 'doc'> & EventTarget & { review: ReviewConnection };

/**
 * The review and versions of the host's open document: builds the document's API clients and
 * its {@link ReviewModel} when the session changes, keeps the user's role current from the
 * server's access messages, and re-renders the host whenever the review changes.
 */
export class ReviewController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #session: ReviewableSession | null = null;
  #model: ReviewModel | null = null;
  #versions: VersionsApi | null = null;
  readonly #onChange = (): void => this.#host.requestUpdate();
  readonly #onAccess = (event: Event): void => {
    if (event instanceof AccessChangeEvent) this.#model?.setRole(event.access.role);
  };

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** The review of the open document; null without one. */
  get model(): ReviewModel | null {
    return this.#model;
  }

  /** Threads, suggestions and status arranged for rendering. */
  get index(): ReviewIndex {
    return this.#model?.index ?? ReviewIndex.EMPTY;
  }

  /** The user's role on the document; '' until the server said. */
  get role(): string {
    return this.#model?.role ?? '';
  }

  /** The document's versions API; null without a document. */
  get versions(): VersionsApi | null {
    return this.#versions;
  }

  /** Follows `session` of document `docId` from now on; API calls go to `baseUrl` with the token `getToken` returns. */
  setSession(session: ReviewableSession | null, docId: string, baseUrl: string, getToken: () => string | null): void {
    if (session === this.#session) return;
    this.#stop();
    this.#session = session;
    if (!session) return;
    const endpoint = new DocEndpoint(baseUrl, docId, getToken);
    this.#versions = new VersionsApi(endpoint);
    this.#model = new ReviewModel({ connection: session.review, content: session.doc, api: new ReviewApi(endpoint) });
    this.#model.addEventListener(ReviewModelChangeEvent.eventName, this.#onChange);
    session.addEventListener(AccessChangeEvent.eventName, this.#onAccess);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.#stop();
    this.#session = null;
  }

  #stop(): void {
    this.#model?.removeEventListener(ReviewModelChangeEvent.eventName, this.#onChange);
    this.#model?.destroy();
    this.#model = null;
    this.#versions = null;
    this.#session?.removeEventListener(AccessChangeEvent.eventName, this.#onAccess);
  }
}
