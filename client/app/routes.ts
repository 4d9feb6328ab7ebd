/** A page of the app, as the address bar names it. */
export type Route =
  | { page: 'signin'; next: string }
  | { page: 'list' }
  | { page: 'overview' }
  | { page: 'doc'; id: string }
  | { page: 'compare'; id: string; from: string; to: string; against: string }
  | { page: 'not-found' };

/** The route for `url` (only the path and query are read). */
export function parseRoute(url: URL): Route {
  const path = url.pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { page: 'list' };
  if (path === '/overview') return { page: 'overview' };
  if (path === '/signin') return { page: 'signin', next: safeNext(url.searchParams.get('next')) };
  const doc = /^\/docs\/([^/]+)$/.exec(path);
  if (doc?.[1]) return { page: 'doc', id: decodeURIComponent(doc[1]) };
  const compare = /^\/docs\/([^/]+)\/compare$/.exec(path);
  const from = url.searchParams.get('from');
  // `against`: the older side is another document (last year's text); '' for this one.
  if (compare?.[1] && from) return { page: 'compare', id: decodeURIComponent(compare[1]), from, to: url.searchParams.get('to') || 'current', against: url.searchParams.get('against') ?? '' };
  return { page: 'not-found' };
}

/** The sign-in address that returns to `current` afterwards. */
export function signInPath(current: URL): string {
  const back = `${current.pathname}${current.search}`;
  return back === '/' || back.startsWith('/signin') ? '/signin' : `/signin?next=${encodeURIComponent(back)}`;
}

// Only same-site paths: `next` comes from the address bar, and `//evil.example` is a host.
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
