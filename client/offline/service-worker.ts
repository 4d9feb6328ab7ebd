/*
 * The service worker (built to /sw.js): keeps the built client in the Cache API so that a page
 * reloaded without a network still starts, and then shows the browser copy of its documents. It
 * never touches /api or /collab: data always comes from the server or from IndexedDB.
 * Registered only in secure contexts (https, or http on localhost), where browsers allow it.
 */

// The build replaces this literal with the JSON list of every file it wrote (precache-plugin.ts).
const MANIFEST: string = '__JIXIAO_PRECACHE__';

/** The parts of the service worker scope used here (the DOM lib does not describe workers). */
interface WaitUntilEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchLikeEvent extends WaitUntilEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  addEventListener(type: 'install' | 'activate', listener: (event: WaitUntilEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchLikeEvent) => void): void;
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void> };
  readonly location: Location;
}

const scope = self as unknown as WorkerScope;
const files: string[] = MANIFEST.startsWith('[') ? (JSON.parse(MANIFEST) as string[]) : [];
// A new build has new hashed names: its cache gets a new name and the old one is dropped.
const CACHE = `jixiao-client-v1-${hash(files.join('|'))}`;
const SHELL = '/index.html';

scope.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll([SHELL, ...files.filter((f) => f !== SHELL)])).then(() => scope.skipWaiting()));
});

scope.addEventListener('activate', (event) => {
  const dropOld = caches.keys().then((keys) => Promise.all(keys.filter((k) => k.startsWith('jixiao-client-') && k !== CACHE).map((k) => caches.delete(k))));
  event.waitUntil(dropOld.then(() => scope.clients.claim()));
});

scope.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== scope.location.origin || url.pathname.startsWith('/api/') || url.pathname.startsWith('/collab')) return;
  // Pages: the server's copy when it answers (a new build, fresh headers), else the cached shell.
  if (request.mode === 'navigate') return event.respondWith(fetch(request).catch(() => cachedOr(SHELL)));
  // Hashed assets never change: the cache first.
  event.respondWith(caches.match(request).then((hit) => hit ?? fetch(request)));
});

async function cachedOr(path: string): Promise<Response> {
  return (await caches.match(path)) ?? Response.error();
}

/** A short non-cryptographic hash (FNV-1a) of the file list. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}
