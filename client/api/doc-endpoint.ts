import type { z } from 'zod/mini';
import { fetchJson } from './fetch-json.ts';

/** Requests under `/api/docs/<docId>` of the server at `baseUrl`, authenticated with the token `getToken` returns. */
export class DocEndpoint {
  readonly docId: string;
  readonly #baseUrl: string;
  readonly #getToken: () => string | null;

  constructor(baseUrl: string, docId: string, getToken: () => string | null) {
    this.#baseUrl = baseUrl;
    this.docId = docId;
    this.#getToken = getToken;
  }

  /** GETs `path` (relative to the document, e.g. `/versions`) with `query`, parsed with `schema`. */
  get<S extends z.ZodMiniType>(path: string, schema: S, query: Record<string, string> = {}): Promise<z.infer<S>> {
    const url = this.#url(path);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    return fetchJson(url, schema, {}, this.#getToken());
  }

  /** Sends `body` (JSON, when given) to `path` with `method`; the answer parsed with `schema`. */
  send<S extends z.ZodMiniType>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, schema: S, body?: unknown): Promise<z.infer<S>> {
    const init: RequestInit = body === undefined ? { method } : { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
    return fetchJson(this.#url(path), schema, init, this.#getToken());
  }

  #url(path: string): URL {
    return new URL(`/api/docs/${encodeURIComponent(this.docId)}${path}`, this.#baseUrl);
  }
}

/** A path segment for an id taken from data (version, thread, comment, suggestion, member). */
export function segment(id: string): string {
  return encodeURIComponent(id);
}
