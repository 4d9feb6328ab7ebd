import { readToken, storeToken } from './token-store.ts';

/** Refresh this long before the token expires (or at half its life, if that is sooner). */
const REFRESH_BEFORE_MS = 5 * 60_000;
/** After a failed refresh (offline, server restarting), try again this much later. */
const RETRY_MS = 30_000;

/** When the stored token expires (ms since the epoch), or null if it carries no readable expiry. */
export function tokenExpiry(token: string): number | null {
  try {
    const payload = token.split('.')[1] ?? '';
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown };
    return typeof json.exp === 'number' ? json.exp * 1000 : null;
  } catch {
    return null;
  }
}

/**
 * Keeps the stored token fresh: shortly before it expires, trades it for a new one at
 * `POST /api/token/refresh`, so open sockets reconnect with a valid token (the server closes a
 * socket whose token expired, 4401) and no edit is lost. A refused refresh (the session reached
 * its maximum length) is not a sign-out: unsent edits stay in the page until the person signs in
 * again. Returns a function that stops the refreshing.
 */
export function keepTokenFresh(origin: string = window.location.origin): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = (delay?: number) => {
    clearTimeout(timer);
    const token = readToken();
    const expiry = token ? tokenExpiry(token) : null;
    if (!token || expiry === null) return void (timer = setTimeout(() => schedule(), RETRY_MS));
    const left = expiry - Date.now();
    const wait = delay ?? Math.max(0, Math.min(left - REFRESH_BEFORE_MS, left / 2));
    timer = setTimeout(() => void refresh(token), wait);
  };
  const refresh = async (token: string) => {
    try {
      const res = await fetch(new URL('/api/token/refresh', origin), { method: 'POST', headers: { authorization: `Bearer ${token}` } });
      if (res.status === 401) return;
      if (!res.ok) return schedule(RETRY_MS);
      const body = (await res.json()) as { token?: unknown };
      if (typeof body.token === 'string' && readToken() === token) storeToken(body.token);
      schedule();
    } catch {
      schedule(RETRY_MS);
    }
  };
  schedule();
  return () => clearTimeout(timer);
}
