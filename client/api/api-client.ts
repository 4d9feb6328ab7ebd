import { z } from 'zod/mini';
import type { BudgetText } from '../../shared/model/budget-text-schema.ts';
import { ApiError } from './api-error.ts';
import { CreatedSchema, DocSummarySchema, ImportResponseSchema, TokenResponseSchema, UserSchema } from './api-schemas.ts';
import { checkAnswer, fetchJson } from './fetch-json.ts';
import type { DocSummary, ImportResponse, User } from './api-schemas.ts';
import { sendWithProgress, type RequestProgress } from './send-with-progress.ts';

/** Typed access to the jixiao HTTP API on `baseUrl`, authenticated with the token `getToken` returns. */
export class ApiClient {
  readonly #baseUrl: string;
  readonly #getToken: () => string | null;

  constructor(baseUrl: string, getToken: () => string | null) {
    this.#baseUrl = baseUrl;
    this.#getToken = getToken;
  }

  /** Demo users to sign in as, or null when the server has no demo mode (404). */
  async demoUsers(): Promise<User[] | null> {
    try {
      return await this.#request('/api/demo/users', z.array(UserSchema));
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  }

  /** A bearer token for demo user `sub`. */
  async demoToken(sub: string): Promise<string> {
    const body = JSON.stringify({ sub });
    const init = { method: 'POST', body, headers: { 'content-type': 'application/json' } };
    return (await this.#request('/api/demo/token', TokenResponseSchema, init)).token;
  }

  /** The signed-in user; an ApiError with status 401 when the token is bad or expired. */
  me(token?: string): Promise<User> {
    return this.#request('/api/me', UserSchema, {}, token);
  }

  /** The documents the signed-in user may open. */
  listDocs(): Promise<DocSummary[]> {
    return this.#request('/api/docs', z.array(DocSummarySchema));
  }

  /** Creates a document from canonical JSON (e.g. the blank template); resolves to its id. */
  async createDoc(text: BudgetText): Promise<string> {
    const init = { method: 'POST', body: JSON.stringify(text), headers: { 'content-type': 'application/json' } };
    return (await this.#request('/api/docs', CreatedSchema, init)).id;
  }

  /** Copies document `id` into a new draft the caller owns, titled `title` (default: the source's with （副本）); resolves to the new id. */
  async copyDoc(id: string, title?: string): Promise<string> {
    const init = { method: 'POST', body: JSON.stringify(title ? { title } : {}), headers: { 'content-type': 'application/json' } };
    return (await this.#request(`/api/docs/${encodeURIComponent(id)}/copy`, CreatedSchema, init)).id;
  }

  /**
   * Imports the text of a Word/PDF export as a new document (`POST /api/docs/import`), telling
   * `onProgress` how the upload goes. Resolves to the new id and the import report; an
   * ApiError carries the importer's bilingual message when the text cannot be read.
   */
  async importDoc(text: string | Uint8Array<ArrayBuffer>, onProgress: (progress: RequestProgress) => void): Promise<ImportResponse> {
    const headers: Record<string, string> = { accept: 'application/json', 'content-type': typeof text === 'string' ? 'text/plain; charset=utf-8' : 'application/octet-stream' };
    const token = this.#getToken();
    if (token) headers['authorization'] = `Bearer ${token}`;
    const url = new URL('/api/docs/import', this.#baseUrl).href;
    const { status, body } = await sendWithProgress(url, { method: 'POST', headers, body: text }, onProgress);
    if (status === 0) throw new ApiError(0, 'NETWORK', '无法连接服务器', 'Cannot reach the server');
    return checkAnswer(status, body, ImportResponseSchema);
  }

  #request<S extends z.ZodMiniType>(path: string, schema: S, init: RequestInit = {}, token = this.#getToken()): Promise<z.infer<S>> {
    return fetchJson(new URL(path, this.#baseUrl), schema, init, token);
  }
}
