import { z } from 'zod/mini';
import { OverviewRowSchema, OverviewSchema, type OverviewEvent } from '../../shared/overview/overview-row.ts';

/** Whether the stream is delivering, waiting to reconnect, or refused for good (signed out, no access). */
export type StreamState = 'connecting' | 'live' | 'reconnecting' | 'refused';

/** What the stream reports to. */
export interface OverviewStreamHandlers {
  onEvent(event: OverviewEvent): void;
  onState(state: StreamState, status?: number): void;
}

const RETRY_FIRST_MS = 1_000;
const RETRY_MAX_MS = 30_000;
const RemoveSchema = z.object({ id: z.string() });

/** One Server-Sent Event frame (`event:` and `data:` lines) as a typed event; null for anything else. */
export function parseOverviewFrame(frame: string): OverviewEvent | null {
  let type = 'message';
  const data: string[] = [];
  for (const line of frame.split('\n')) {
    if (line.startsWith('event:')) type = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
  }
  let json: unknown;
  try {
    json = JSON.parse(data.join('\n'));
  } catch {
    return null;
  }
  if (type === 'overview') return parsed(OverviewSchema.safeParse(json), (d) => ({ type, data: d }));
  if (type === 'row') return parsed(OverviewRowSchema.safeParse(json), (d) => ({ type, data: d }));
  if (type === 'remove') return parsed(RemoveSchema.safeParse(json), (d) => ({ type, data: d }));
  return null;
}

function parsed<T>(result: { success: true; data: T } | { success: false }, make: (data: T) => OverviewEvent): OverviewEvent | null {
  return result.success ? make(result.data) : null;
}

/**
 * `GET /api/overview/events` read with fetch, so the token travels in the Authorization header
 * and never in a URL (EventSource cannot send headers). When the stream ends — the token expired,
 * the server restarted, the network dropped — it reconnects with the token stored then, waiting
 * longer after each failure; 401 and 403 stop it.
 */
export class OverviewStream {
  readonly #url: string;
  readonly #getToken: () => string | null;
  readonly #handlers: OverviewStreamHandlers;
  #abort: AbortController | null = null;
  #retry: ReturnType<typeof setTimeout> | undefined;
  #delay = RETRY_FIRST_MS;

  constructor(baseUrl: string, getToken: () => string | null, handlers: OverviewStreamHandlers) {
    this.#url = new URL('/api/overview/events', baseUrl).href;
    this.#getToken = getToken;
    this.#handlers = handlers;
  }

  /** Opens the stream (again). */
  start(): void {
    this.stop();
    const abort = new AbortController();
    this.#abort = abort;
    void this.#run(abort.signal);
  }

  /** Closes the stream and cancels any reconnection. */
  stop(): void {
    clearTimeout(this.#retry);
    this.#abort?.abort();
    this.#abort = null;
  }

  async #run(signal: AbortSignal): Promise<void> {
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    const token = this.#getToken();
    if (token) headers['authorization'] = `Bearer ${token}`;
    try {
      const res = await fetch(this.#url, { headers, signal, cache: 'no-store' });
      if (res.status === 401 || res.status === 403) return this.#handlers.onState('refused', res.status);
      if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value.replace(/\r\n?/g, '\n');
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const event = parseOverviewFrame(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          if (!event) continue;
          if (event.type === 'overview') {
            this.#delay = RETRY_FIRST_MS;
            this.#handlers.onState('live');
          }
          this.#handlers.onEvent(event);
        }
      }
    } catch {
      if (signal.aborted) return;
    }
    if (signal.aborted) return;
    this.#handlers.onState('reconnecting');
    this.#retry = setTimeout(() => this.start(), this.#delay);
    this.#delay = Math.min(RETRY_MAX_MS, this.#delay * 2);
  }
}
