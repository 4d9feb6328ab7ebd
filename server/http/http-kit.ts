import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { JixiaoError } from '../../shared/errors.ts';
import { verifyToken, type Identity, type SigningKey } from '../auth/tokens.ts';

/** Largest request body the API reads (an imported Word/PDF text export is far smaller). */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

const STATUS_BY_CODE: Record<JixiaoError['code'], number> = {
  INVALID_JSON: 400,
  INVALID_DOCUMENT: 400,
  INVALID_REQUEST: 400,
  IMPORT_FAILED: 400,
  UNSUPPORTED_LAYOUT: 400,
  MIGRATION_FAILED: 500,
  NOT_FOUND: 404,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  STORAGE_FAILED: 503,
  TOO_MANY_REQUESTS: 429,
};

/** Sends `body` as JSON with `status`. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

/** Sends a {@link JixiaoError} with the HTTP status its code maps to; anything else is a 500. */
export function sendError(res: ServerResponse, error: unknown): void {
  if (error instanceof JixiaoError) return sendJson(res, STATUS_BY_CODE[error.code], error.toJSON());
  console.error('jixiao: unexpected error in HTTP handler', error);
  sendJson(res, 500, new JixiaoError({ code: 'STORAGE_FAILED', zh: '服务器内部错误', en: 'Internal server error' }).toJSON());
}

/** Reads the raw body as UTF-8 text, refusing more than `limit` bytes. */
async function readBodyText(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  return (await readBodyBytes(req, limit)).toString('utf8');
}

/** The error for a request body above `limit` bytes. */
function payloadTooLarge(limit: number): JixiaoError {
  return new JixiaoError({ code: 'PAYLOAD_TOO_LARGE', zh: `请求内容超过 ${limit / 1024 / 1024} MB`, en: `Request body exceeds ${limit / 1024 / 1024} MB` });
}

/**
 * Refuses a request that declares a body above the limit before any route sees it: a route that
 * takes no body (next-year, restore, accept …) never reads one, so it would otherwise act on it.
 */
export function refuseDeclaredOversize(req: IncomingMessage): void {
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) throw payloadTooLarge(MAX_BODY_BYTES);
}

/** Reads the raw body as bytes, refusing more than `limit` bytes. */
export async function readBodyBytes(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw payloadTooLarge(limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Reads and parses a JSON body; a syntax error becomes INVALID_JSON. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readBodyText(req);
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new JixiaoError({ code: 'INVALID_JSON', zh: '请求内容不是有效的 JSON', en: 'Request body is not valid JSON', details: String(cause) });
  }
}

/** The bearer token of a request, or null. */
export function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1] ?? null;
}

/** The verified identity of the request's bearer token; UNAUTHORIZED when it is missing or invalid. */
export function authenticate(key: SigningKey, req: IncomingMessage): Promise<Identity> {
  return verifyToken(key, bearerToken(req));
}

/**
 * Parses untrusted input (a body, path or query parameters) with `schema`, a zod or a zod/mini
 * schema (shared/ builds its schemas with zod/mini); failure is a 400 listing the issues.
 */
export function parseInput<T>(schema: z.core.$ZodType<T>, input: unknown): T {
  const parsed = z.safeParse(schema, input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  throw new JixiaoError({ code: 'INVALID_REQUEST', zh: '请求参数有误', en: 'Invalid request', details: { issues } });
}

/** Reads a JSON body and parses it with `schema` (INVALID_JSON, then INVALID_REQUEST). */
export async function readBody<T>(req: IncomingMessage, schema: z.core.$ZodType<T>): Promise<T> {
  return parseInput(schema, await readJson(req));
}
