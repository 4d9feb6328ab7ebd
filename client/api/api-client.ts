import type { z } from 'zod';
import { ApiErrorBodySchema, DocSummarySchema, TokenResponseSchema, UserSchema, type DocSummary, type User } from './api-schemas.ts';

/** A failed API call: `status` is the HTTP status (0 when the server could not be reached). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly zh: string;
  readonly en: string;

  constructor(status: number, code: string, zh: string, en: string) {
    super(`${code}: ${en}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.zh = zh;
    this.en = en;
  }
}

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
      return await this.#request('/api/demo/users', UserSchema.array());
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
    return this.#request('/api/docs', DocSummarySchema.array());
  }

  async #request<S extends z.ZodType>(path: string, schema: S, init: RequestInit = {}, token = this.#getToken()): Promise<z.infer<S>> {
    const headers = new Headers(init.headers);
    headers.set('accept', 'application/json');
    if (token) headers.set('authorization', `Bearer ${token}`);
    let response: Response;
    try {
      response = await fetch(new URL(path, this.#baseUrl), { ...init, headers });
    } catch {
      throw new ApiError(0, 'NETWORK', '无法连接服务器', 'Cannot reach the server');
    }
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const parsed = ApiErrorBodySchema.safeParse(body);
      if (parsed.success) throw new ApiError(response.status, parsed.data.error.code, parsed.data.error.zh, parsed.data.error.en);
      throw new ApiError(response.status, `HTTP_${response.status}`, `服务器返回 ${response.status}`, `Server answered ${response.status}`);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new ApiError(response.status, 'INVALID_RESPONSE', '服务器返回的数据格式不正确', 'The server sent data of an unexpected shape');
    return parsed.data;
  }
}
