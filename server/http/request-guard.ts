import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { sendJson } from './http-kit.ts';

/**
 * Headers on every response. Scripts only from this origin; styles also inline, because the
 * page's theme block and Lit's `style=${styleMap(…)}` bindings are inline (Lit's own component
 * styles are constructed stylesheets, which CSP does not govern). No framing by other sites.
 */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

/** The decoded-safe path of a request, or null when its target is malformed (→ 400). */
function requestPath(req: IncomingMessage): string | null {
  const target = req.url ?? '/';
  if (!target.startsWith('/') || target.startsWith('//')) return null;
  try {
    const { pathname } = new URL(target, 'http://localhost');
    decodeURIComponent(pathname);
    return pathname;
  } catch {
    return null;
  }
}

/** A short id that ties a 500 answer to its one log line. */
function newRequestId(): string {
  return randomBytes(6).toString('hex');
}

/**
 * Wraps the HTTP request handler: protective headers on every answer, 400 for a malformed
 * target, and any unexpected throw becomes a 500 carrying a request id plus one log line,
 * never an exit and never a stack trace in the response.
 */
export function guardRequests(
  handle: (req: IncomingMessage, res: ServerResponse, pathname: string) => Promise<void> | void,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const fail = (error: unknown) => answerUnexpected(res, error, req);
    try {
      const pathname = requestPath(req);
      if (pathname === null) {
        console.warn(`jixiao: refused malformed request target (${describeTarget(req)})`);
        return sendJson(res, 400, badTarget());
      }
      Promise.resolve(handle(req, res, pathname)).catch(fail);
    } catch (error) {
      fail(error);
    }
  };
}

/**
 * Wraps the WebSocket upgrade handler the same way: a malformed target or an unexpected throw
 * answers 400/500 on the raw socket and destroys it.
 */
export function guardUpgrades(
  handle: (req: IncomingMessage, socket: Duplex, head: Buffer, pathname: string) => Promise<void> | void,
): (req: IncomingMessage, socket: Duplex, head: Buffer) => void {
  return (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    const fail = (error: unknown) => {
      const id = newRequestId();
      console.error(`jixiao: upgrade ${id} failed: ${oneLine(error)}`);
      refuseSocket(socket, '500 Internal Server Error');
    };
    try {
      const pathname = requestPath(req);
      if (pathname === null) {
        console.warn(`jixiao: refused upgrade with a malformed target (${describeTarget(req)})`);
        return refuseSocket(socket, '400 Bad Request');
      }
      Promise.resolve(handle(req, socket, head, pathname)).catch(fail);
    } catch (error) {
      fail(error);
    }
  };
}

/** Answers a raw upgrade socket with `status` (e.g. `403 Forbidden`) and closes it. */
export function refuseSocket(socket: Duplex, status: string): void {
  if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

function answerUnexpected(res: ServerResponse, error: unknown, req: IncomingMessage): void {
  const requestId = newRequestId();
  console.error(`jixiao: request ${requestId} ${req.method ?? ''} ${describeTarget(req)} failed: ${oneLine(error)}`);
  if (res.headersSent) return void res.destroy();
  sendJson(res, 500, { error: { code: 'INTERNAL', zh: '服务器内部错误', en: 'Internal server error', requestId } });
}

function badTarget(): unknown {
  return { error: { code: 'INVALID_REQUEST', zh: '请求地址格式有误', en: 'Malformed request path' } };
}

/** The message of an error on one line: no stack, no newlines (logs stay one line per event). */
function oneLine(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.replace(/\s+/g, ' ').slice(0, 300);
}

function describeTarget(req: IncomingMessage): string {
  return JSON.stringify((req.url ?? '').slice(0, 120));
}
