import type { ServerResponse } from 'node:http';
import { JixiaoError } from '../../shared/errors.ts';
import type { OverviewEvent } from '../../shared/overview/overview-row.ts';
import { ExpirySweep } from '../auth/expiry-sweep.ts';
import { verifySession, type SigningKey } from '../auth/tokens.ts';
import type { OverviewFeed } from '../overview/overview-feed.ts';
import type { OverviewRows } from '../overview/overview-rows.ts';
import { authenticate, bearerToken, sendJson } from './http-kit.ts';
import type { Router } from './router.ts';

/** What the overview routes need. */
export interface OverviewRouteDeps {
  key: SigningKey;
  rows: OverviewRows;
  feed: OverviewFeed;
}

/** A comment line now and then keeps proxies from closing a quiet stream. */
const KEEP_ALIVE_MS = 25_000;

/**
 * Adds `GET /api/overview` (every document in the caller's reach with status, counts and last
 * change) and `GET /api/overview/events`, the same as a stream of Server-Sent Events: the whole
 * overview first, then a `row` for each document that changed and a `remove` for one that left
 * the caller's reach. The stream is authenticated like every route, by the Authorization header
 * (the page reads it with fetch, so no token goes into a URL), and ends when the token expires;
 * the page reconnects with its refreshed token.
 */
export function addOverviewRoutes(router: Router, deps: OverviewRouteDeps): void {
  const { key, rows, feed } = deps;
  // Each stream ends at its token's expiry, found by one sweep a second (see ExpirySweep).
  const expiries = new ExpirySweep<ServerResponse>();
  router.on('GET', '/api/overview', async (req, res) => {
    sendJson(res, 200, { documents: await rows.list(await authenticate(key, req)) });
  });

  router.on('GET', '/api/overview/events', async (req, res) => {
    const { identity, expiresAt } = await verifySession(key, bearerToken(req));
    if (!/\btext\/event-stream\b/.test(req.headers.accept ?? '')) {
      throw new JixiaoError({ code: 'INVALID_REQUEST', zh: '此接口是事件流，请求须带 Accept: text/event-stream', en: 'This is an event stream; send Accept: text/event-stream' });
    }
    // Changes that arrive while the first overview is computed wait for it, so none is lost or arrives early.
    const held: OverviewEvent[] = [];
    let ready = false;
    const send = (event: OverviewEvent) => (ready ? write(res, event) : held.push(event));
    const { shown, stop } = feed.watch(identity, send, () => res.end());
    res.once('close', stop);
    const documents = await rows.list(identity).catch((error: unknown) => {
      stop();
      throw error;
    });
    // Gone while the overview was computed: `close` has run `stop` already; no timers for nobody.
    if (res.destroyed) return;
    for (const d of documents) shown.add(d.id);
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS).unref();
    expiries.add(res, expiresAt * 1000, () => res.end());
    res.once('close', () => (clearInterval(keepAlive), expiries.remove(res)));
    write(res, { type: 'overview', data: { documents } });
    ready = true;
    for (const event of held.splice(0)) write(res, event);
  });
}

function write(res: ServerResponse, event: OverviewEvent): void {
  if (!res.writableEnded) res.write(`event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`);
}

