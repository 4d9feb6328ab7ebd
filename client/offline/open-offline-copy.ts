import type * as Y from 'yjs';
import { hasListedCopy, onSignOutElsewhere, rememberLocalCopy, tokenSubject } from './local-names.ts';
import { OfflineCopy } from './offline-copy.ts';

/**
 * The browser copy of document `docId` for the person `token` names, or null where there is no
 * IndexedDB or the token names nobody. The copy stops writing as soon as another tab signs that
 * person out (their copies are being deleted).
 */
export function openOfflineCopy(doc: Y.Doc, docId: string, token: string, isRemote: (origin: unknown) => boolean): OfflineCopy | null {
  const sub = tokenSubject(token);
  if (!sub || typeof indexedDB === 'undefined') return null;
  // Noted before this visit or not: only a noted copy is loaded before the provider connects.
  const known = hasListedCopy(sub, docId);
  const copy = new OfflineCopy({ doc, name: rememberLocalCopy(sub, docId), isRemote, known });
  const stop = onSignOutElsewhere((who) => who === sub && copy.destroy());
  doc.once('destroy', stop);
  return copy;
}
