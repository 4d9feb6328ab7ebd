import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { OverviewEvent, OverviewRow } from '../../shared/overview/overview-row.ts';
import { OverviewStream, type StreamState } from './overview-stream.ts';

/** How long a changed row stays marked (its flash lasts 1.5 s). */
const MARK_MS = 1_600;

/**
 * The overview's rows kept live for an element: opens the stream while the element is connected,
 * replaces every row on each (re)connection's first event, then upserts and removes rows as the
 * server reports changes, and asks the element to render.
 */
export class OverviewController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #stream: OverviewStream;
  #rows = new Map<string, OverviewRow>();
  /** The rows, in the order the server sent them; undefined until the first overview arrived. */
  rows: OverviewRow[] | undefined;
  /** The stream's state, and the HTTP status it was refused with. */
  state: StreamState = 'connecting';
  refusedStatus: number | undefined;
  /** Ids of the rows that changed a moment ago (shown marked until the mark fades). */
  readonly changed = new Set<string>();
  readonly #fades = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(host: ReactiveControllerHost, baseUrl: string, getToken: () => string | null) {
    this.#host = host;
    this.#stream = new OverviewStream(baseUrl, getToken, {
      onEvent: (event) => this.#apply(event),
      onState: (state, status) => {
        this.state = state;
        this.refusedStatus = status;
        this.#host.requestUpdate();
      },
    });
    host.addController(this);
  }

  hostConnected(): void {
    this.#stream.start();
  }

  hostDisconnected(): void {
    this.#stream.stop();
    for (const fade of this.#fades.values()) clearTimeout(fade);
    this.#fades.clear();
    this.changed.clear();
  }

  // The mark is taken off again, so the next change of the same row shows anew.
  #mark(id: string): void {
    clearTimeout(this.#fades.get(id));
    this.changed.add(id);
    this.#fades.set(id, setTimeout(() => {
      this.#fades.delete(id);
      this.changed.delete(id);
      this.#host.requestUpdate();
    }, MARK_MS));
  }

  #apply(event: OverviewEvent): void {
    if (event.type === 'overview') this.#rows = new Map(event.data.documents.map((d) => [d.id, d]));
    else if (event.type === 'row') {
      this.#rows.set(event.data.id, event.data);
      this.#mark(event.data.id);
    } else this.#rows.delete(event.data.id);
    this.rows = [...this.#rows.values()];
    this.#host.requestUpdate();
  }
}
