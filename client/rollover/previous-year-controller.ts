import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readToken } from '../auth/token-store.ts';
import { DocEndpoint } from '../api/doc-endpoint.ts';
import { NextYearApi, type PreviousYear } from '../api/next-year-api.ts';

/** Last year's values of a document's rows, by row id (empty for a document without a previous year). */
export type PreviousValues = ReadonlyMap<string, { value: string; basis: string }>;

const NONE: PreviousValues = new Map();

/**
 * Reads a document's previous year once when it opens (`GET /api/docs/:id/previous`) and
 * re-renders its host when it arrives. A document without one, or a failed read, has none: the
 * page then looks exactly as without this feature. Rows added while the page is open get their
 * 上年指标值 the next time it opens.
 */
export class PreviousYearController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #docId = '';
  #previous: PreviousYear['previous'] = null;
  #values: PreviousValues = NONE;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Last year's document (id, title, year), or null. */
  get previous(): PreviousYear['previous'] {
    return this.#previous;
  }

  /** 上年指标值 by row id; the same object until the next read, so grids re-render only then. */
  get values(): PreviousValues {
    return this.#values;
  }

  /** Reads the previous year of `docId` (nothing when it is the document already followed). */
  follow(docId: string): void {
    if (docId === this.#docId) return;
    this.#docId = docId;
    this.#previous = null;
    this.#values = NONE;
    if (docId === '') return;
    new NextYearApi(new DocEndpoint(window.location.origin, docId, readToken)).previous().then(
      (answer) => {
        if (docId !== this.#docId) return;
        this.#previous = answer.previous;
        this.#values = new Map(Object.entries(answer.values));
        this.#host.requestUpdate();
      },
      // Last year's values are an aid: without them the document is still whole.
      () => undefined,
    );
  }

  hostConnected(): void {}
}
