import { parseRoute } from '../app/routes.ts';
import { consumeFragmentToken } from '../auth/fragment-token.ts';
import { readToken } from '../auth/token-store.ts';
import { DocSession } from './doc-session.ts';

/** A session nobody took by then is closed (ms): the page never showed its document. */
const UNTAKEN_CLOSES_AFTER_MS = 30_000;

/** The session opened while the app loads, until the document view takes it. */
let early: { docId: string; token: string; wsBase: string; session: DocSession } | null = null;

/** The WebSocket base of this page's server (`ws:` or `wss:` as the page). */
export function collabBase(location: Location = window.location): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}`;
}

/**
 * On a page that opens a document, opens its {@link DocSession} before the rest of the app's
 * modules evaluate: a first visit's socket connects at once, so the server authenticates and
 * loads the document meanwhile instead of after (on a known copy, the copy loads first, as
 * always). Signs in with a token in the address first, as the app would, so the session and the
 * app read the same token. The document view takes the session (`takeEarlySession`).
 */
function openEarlySession(location: Location = window.location): void {
  const route = parseRoute(new URL(location.href));
  if (route.page !== 'doc') return;
  consumeFragmentToken(location);
  const token = readToken();
  if (!token) return;
  const opened = { docId: route.id, token, wsBase: collabBase(location), session: new DocSession({ wsBase: collabBase(location), docId: route.id, token, user: null }) };
  early = opened;
  setTimeout(() => {
    if (early !== opened) return;
    early = null;
    opened.session.destroy();
  }, UNTAKEN_CLOSES_AFTER_MS);
}

/**
 * The session opened early for document `docId` with `token` on `wsBase`, once; null when there
 * is none. One opened for anything else is closed: nobody will show it.
 */
export function takeEarlySession(docId: string, token: string, wsBase: string): DocSession | null {
  const taken = early;
  early = null;
  if (!taken) return null;
  if (taken.docId === docId && taken.token === token && taken.wsBase === wsBase) return taken.session;
  taken.session.destroy();
  return null;
}

openEarlySession();
