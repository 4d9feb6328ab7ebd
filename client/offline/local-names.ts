import { deleteLocalDoc } from './local-doc-store.ts';

/*
 * IndexedDB is per origin, not per person: every local copy is named after the person (the
 * token's `sub`) and the document, so one person never opens another's copy on a shared browser
 * profile. Versioned, so a later layout cannot misread an old one.
 */
const PREFIX = 'jixiao.v1';
/** Per person, the names of their copies: browsers without `indexedDB.databases()` cannot list them. */
const INDEX_KEY = 'jixiao.offline.v1.copies:';
/** Tabs of this origin tell each other that a person signed out (their copies are being deleted). */
const CHANNEL = 'jixiao.offline.v1';

/** The database holding person `sub`'s local copy of document `docId`, noted so sign-out finds it. */
export function rememberLocalCopy(sub: string, docId: string): string {
  const name = localCopyName(sub, docId);
  const known = listedCopies(sub);
  try {
    if (!known.includes(name)) localStorage.setItem(INDEX_KEY + sub, JSON.stringify([...known, name]));
  } catch {
    // A full or disabled localStorage only costs finding this copy where indexedDB.databases() is missing.
  }
  return name;
}

/** The database of person `sub`'s local copy of document `docId` (nothing is noted or opened). */
export function localCopyName(sub: string, docId: string): string {
  return `${PREFIX}:${encodeURIComponent(sub)}:${docId}`;
}

/** Whether person `sub` has a copy of `docId` noted on this browser (so one may be stored). */
export function hasListedCopy(sub: string, docId: string): boolean {
  return listedCopies(sub).includes(localCopyName(sub, docId));
}

function listedCopies(sub: string): string[] {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(INDEX_KEY + sub) ?? '[]');
    return Array.isArray(list) ? list.filter((n): n is string => typeof n === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * The `sub` claim of a token, read without checking the signature: it only picks which local copy
 * this browser opens; the server checks the token itself. Null when unreadable.
 */
export function tokenSubject(token: string): string | null {
  return tokenUser(token)?.sub ?? null;
}

/**
 * Who a token names (`sub`, `name`, `role`), read without checking the signature: shown while the
 * server cannot be asked (offline), so the person still sees who is signed in and can sign out.
 */
export function tokenUser(token: string): { sub: string; name: string; role: string } | null {
  try {
    const payload = token.split('.')[1] ?? '';
    const bytes = Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
    const json = JSON.parse(new TextDecoder().decode(bytes)) as { sub?: unknown; name?: unknown; role?: unknown };
    if (typeof json.sub !== 'string' || !json.sub) return null;
    return { sub: json.sub, name: typeof json.name === 'string' ? json.name : json.sub, role: typeof json.role === 'string' ? json.role : '' };
  } catch {
    return null;
  }
}

/**
 * Deletes every local copy of person `sub` (explicit sign-out only: an expired token is not a
 * sign-out) and tells the other tabs first, so they stop writing to the copies being deleted.
 */
export async function clearLocalData(sub: string): Promise<void> {
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ signedOut: sub });
  channel.close();
  const mine = `${PREFIX}:${encodeURIComponent(sub)}:`;
  const found = 'databases' in indexedDB ? (await indexedDB.databases()).map((d) => d.name ?? '') : [];
  const names = new Set([...found, ...listedCopies(sub)].filter((n) => n.startsWith(mine)));
  await Promise.all([...names].map(deleteLocalDoc));
  localStorage.removeItem(INDEX_KEY + sub);
}

/** Calls `onSignedOut(sub)` when another tab signs a person out; returns a function that stops listening. */
export function onSignOutElsewhere(onSignedOut: (sub: string) => void): () => void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const data = event.data as { signedOut?: unknown } | null;
    if (typeof data?.signedOut === 'string') onSignedOut(data.signedOut);
  };
  return () => channel.close();
}
