import type { z } from 'zod';
import { ApiError } from './api-client.ts';
import { ApiErrorBodySchema } from './api-schemas.ts';

/**
 * An {@link ApiError} whose body carried `details` (e.g. the validation findings that block a
 * submit, `details.findings`). Untrusted: parse before use.
 */
export class DetailedApiError extends ApiError {
  readonly details: unknown;

  constructor(status: number, code: string, zh: string, en: string, details: unknown) {
    super(status, code, zh, en);
    this.details = details;
  }
}

/**
 * Calls the API at `url` with `token` and returns the answer in the shape of `schema`. Throws an
 * ApiError (a {@link DetailedApiError} when the server sent details) for an error status, a
 * network failure (status 0) or an answer of another shape.
 */
export async function fetchJson<S extends z.ZodType>(url: URL | string, schema: S, init: RequestInit, token: string | null): Promise<z.infer<S>> {
  const headers = new Headers(init.headers);
  headers.set('accept', 'application/json');
  if (token) headers.set('authorization', `Bearer ${token}`);
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器', 'Cannot reach the server');
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw toApiError(response.status, body);
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError(response.status, 'INVALID_RESPONSE', '服务器返回的数据格式不正确', 'The server sent data of an unexpected shape');
  return parsed.data;
}

function toApiError(status: number, body: unknown): ApiError {
  const parsed = ApiErrorBodySchema.safeParse(body);
  if (!parsed.success) return new ApiError(status, `HTTP_${status}`, `服务器返回 ${status}`, `Server answered ${status}`);
  const { code, zh, en } = parsed.data.error;
  const details = (body as { error: { details?: unknown } }).error.details;
  return details === undefined ? new ApiError(status, code, zh, en) : new DetailedApiError(status, code, zh, en, details);
}
