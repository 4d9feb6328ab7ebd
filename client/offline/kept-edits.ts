import type { PendingChange } from './pending-changes.ts';
import { toSuggestion } from './change-suggestion.ts';

/** Why the server does not take this person's edits, as a key of the `offline.*` labels. */
export type KeptReason = 'gone' | 'submitted' | 'approved' | 'role' | 'refused' | 'readOnly';

/** Whether the server refused the sign-in itself (expired, forged): not a verdict on the document. */
export function isTokenRefusal(authError: string): boolean {
  return authError === 'invalid-token' || authError === 'too-many-attempts';
}

/** The reason the kept-edits panel gives, from what the session and the review know. */
export function keptReason(s: { authError: string | null; refusal: string | null; status: string; role: string }): KeptReason {
  if (s.authError) return 'gone';
  if (s.status === 'submitted' || s.status === 'approved') return s.status;
  if (s.role === 'reviewer' || s.role === 'viewer') return 'role';
  return s.refusal ? 'refused' : 'readOnly';
}

/**
 * Offers every suggestible change through `suggest` (one request each, in document order) and
 * resolves to how many were sent; the first refusal rejects (the rest stay unsent, nothing is lost).
 */
export async function offerAsSuggestions(changes: readonly PendingChange[], suggest: (s: NonNullable<ReturnType<typeof toSuggestion>>) => Promise<unknown>): Promise<number> {
  let sent = 0;
  for (const change of changes) {
    const suggestion = toSuggestion(change);
    if (!suggestion) continue;
    await suggest(suggestion);
    sent += 1;
  }
  return sent;
}

/** The unsent changes of document `docId` as a JSON file the person can keep and hand on. */
export function exportKeptEdits(docId: string, title: string, reason: string, changes: readonly PendingChange[]): void {
  const body = JSON.stringify({ format: 'jixiao-kept-edits', version: 1, docId, title, reason, exportedAt: new Date().toISOString(), changes }, null, 2);
  const url = URL.createObjectURL(new Blob([body], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${title || docId}_未保存的修改.json`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
