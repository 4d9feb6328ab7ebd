import { deleteLocalDoc } from './local-doc-store.ts';

/*
 * IndexedDB is per origin, not per person: every local copy is named after the person (the
 * token's `sub`) and the document, so one person never opens another's copy on a shared browser
 * profile. Versioned, so a later layout cannot misread an old one.
 */
const PREFIX = 'jixiao.v1';
/** Tabs of this origin tell each other that a person signed out (their copies are being deleted). */
const CHANNEL = 'jixiao.offline.v1';

/** The database holding person `sub`'s local copy of document `docId`. */
export function localDocName(sub: string, docId: string): string {
  return `${PREFIX}:${encodeURIComponent(sub)}:${docId}`;
}

/**
 * The `sub` claim of a token, read without checking the signature: it only picks which local copy
 * this browser opens; the server checks the token itself. Null when unreadable.
 */
export function tokenSubject(token: string): string | null {
  try {
    const payload = token.split('.')[1] ?? '';
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { sub?: unknown };
    return typeof json.sub === 'string' && json.sub ? json.sub : null;
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
  const names = (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith(mine));
  await Promise.all(names.map(deleteLocalDoc));
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
