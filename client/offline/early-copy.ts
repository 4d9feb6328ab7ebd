import { parseRoute } from '../app/routes.ts';
import { readToken } from '../auth/token-store.ts';
import { prefetchLocalDoc } from './local-doc-store.ts';
import { hasListedCopy, localCopyName, tokenSubject } from './local-names.ts';

/**
 * On a page that opens a document, starts reading the signed-in person's browser copy of it at
 * once (`prefetchLocalDoc`), so IndexedDB works while the rest of the app's modules evaluate: on a
 * warm load the copy is ready when the document view asks for it. Reads nothing the document view
 * would not read itself: the same person (the token in the address, else the stored one) and the
 * same database name.
 */
function prefetchOpeningCopy(location: Location = window.location): void {
  const route = parseRoute(new URL(location.href));
  if (route.page !== 'doc') return;
  const token = new URLSearchParams(location.hash.slice(1)).get('token')?.trim() || readToken();
  const sub = token ? tokenSubject(token) : null;
  // Only a copy already noted: a first visit has nothing to read, and a database opened (so
  // created) here before the document view notes it would escape a sign-out's deletion.
  if (sub && hasListedCopy(sub, route.id)) prefetchLocalDoc(localCopyName(sub, route.id));
}

prefetchOpeningCopy();
