import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { OverviewEvent, OverviewRow } from '../../shared/overview/overview-row.ts';
import { OverviewStream, type StreamState } from './overview-stream.ts';

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
  /** Ids of the rows that changed since the page loaded (shown marked for a moment). */
  readonly changed = new Set<string>();

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
  }

  #apply(event: OverviewEvent): void {
    if (event.type === 'overview') this.#rows = new Map(event.data.documents.map((d) => [d.id, d]));
    else if (event.type === 'row') {
      this.#rows.set(event.data.id, event.data);
      this.changed.add(event.data.id);
    } else this.#rows.delete(event.data.id);
    this.rows = [...this.#rows.values()];
    this.#host.requestUpdate();
  }
}
