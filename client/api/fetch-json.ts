import { z } from 'zod/mini';
import { ApiError } from './api-error.ts';
import { ApiErrorBodySchema } from './api-schemas.ts';

/**
 * Calls the API at `url` with `token` and returns the answer in the shape of `schema`. Throws an
 * {@link ApiError} for an error status (with the body's `details`), a network failure (status 0)
 * or an answer of another shape.
 */
export async function fetchJson<S extends z.core.$ZodType>(url: URL | string, schema: S, init: RequestInit, token: string | null): Promise<z.infer<S>> {
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
  return checkAnswer(response.status, body, schema);
}

/** The body of a successful answer in the shape of `schema`; otherwise throws the ApiError it carries. */
export function checkAnswer<S extends z.core.$ZodType>(status: number, body: unknown, schema: S): z.infer<S> {
  if (status < 200 || status > 299) {
    const parsed = ApiErrorBodySchema.safeParse(body);
    if (!parsed.success) throw new ApiError(status, `HTTP_${status}`, `服务器返回 ${status}`, `Server answered ${status}`);
    const { code, zh, en, details } = parsed.data.error;
    throw new ApiError(status, code, zh, en, details);
  }
  const parsed = z.safeParse(schema, body);
  if (!parsed.success) throw new ApiError(status, 'INVALID_RESPONSE', '服务器返回的数据格式不正确', 'The server sent data of an unexpected shape');
  return parsed.data;
}
