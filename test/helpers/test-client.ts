import { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';

/** A real provider client of one document, as a browser tab would hold it. */
export interface TestClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Resolves once the first sync with the server completed. */
  synced: Promise<void>;
  /** Resolves when the server acknowledged every local change sent so far. */
  acknowledged(timeoutMs?: number): Promise<void>;
  /** Resolves once the server answered a sync request sent now: whatever it sent this client before has arrived. */
  roundTrip(): Promise<void>;
  destroy(): void;
}

/** Connects a provider to `/collab/<docId>` of a test server, one socket per document. */
/** `urlDocId` opens the socket at another document's URL (to test that the server refuses it); '' opens bare /collab. */
export function connectClient(wsUrl: string, docId: string, token: string, options: { doc?: Y.Doc; urlDocId?: string } = {}): TestClient {
  const doc = options.doc ?? new Y.Doc();
  let resolveSynced: () => void = () => undefined;
  let rejectSynced: (e: Error) => void = () => undefined;
  const synced = new Promise<void>((ok, fail) => {
    resolveSynced = ok;
    rejectSynced = fail;
  });
  const provider = new HocuspocusProvider({
    url: options.urlDocId === '' ? `${wsUrl}/collab` : `${wsUrl}/collab/${options.urlDocId ?? docId}`,
    name: docId,
    document: doc,
    token,
    onSynced: () => resolveSynced(),
    onAuthenticationFailed: ({ reason }) => rejectSynced(new Error(`authentication failed: ${reason}`)),
  });
  return {
    doc,
    provider,
    synced,
    acknowledged: (timeoutMs = 10_000) => waitFor(() => !provider.hasUnsyncedChanges, timeoutMs, 'server acknowledgement').then(() => undefined),
    roundTrip: () => {
      // forceSync counts one unsynced change that only the server's SyncStep2 answer settles.
      provider.forceSync();
      return waitFor(() => !provider.hasUnsyncedChanges, 10_000, 'server round trip').then(() => undefined);
    },
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** `T` without the falsy values `waitFor` keeps polling past. */
type Truthy<T> = Exclude<T, false | null | undefined | 0 | ''>;

/**
 * The one polling helper of the tests: calls `read` (sync or async) every 10 ms until it returns a
 * truthy value, and resolves with that value; rejects after `timeoutMs` naming `what`.
 */
export async function waitFor<T>(read: () => T | Promise<T>, timeoutMs = 10_000, what = 'condition'): Promise<Truthy<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value as Truthy<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
