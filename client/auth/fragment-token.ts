import { storeToken } from './token-store.ts';

/**
 * Signs in with a token handed over in the URL fragment (`/docs/<id>#token=<jwt>`), as links from
 * other systems and tests do, then removes it from the address bar and history so it is not
 * bookmarked, shared or shown. The fragment never reaches the server or its logs.
 * Returns true when a token was taken.
 */
export function consumeFragmentToken(location: Location = window.location, history: History = window.history): boolean {
  if (!location.hash.startsWith('#')) return false;
  const params = new URLSearchParams(location.hash.slice(1));
  const token = params.get('token');
  if (!token) return false;
  storeToken(token);
  params.delete('token');
  const rest = params.toString();
  history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
  return true;
}
