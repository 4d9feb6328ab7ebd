import * as Y from 'yjs';

/**
 * Applies a document's stored updates in order. An update that cannot be applied (it slipped
 * past the checks on arrival) is skipped and reported instead of making the whole document
 * unloadable: it was never applied when it arrived either, so skipping it loses nothing.
 */
export function applyStoredUpdates(doc: Y.Doc, updates: readonly Uint8Array[], origin?: unknown): number {
  let skipped = 0;
  Y.transact(
    doc,
    () => {
      for (const u of updates) {
        try {
          Y.applyUpdate(doc, u);
        } catch {
          skipped++;
        }
      }
    },
    origin,
  );
  if (skipped) console.error(`jixiao: skipped ${skipped} stored update(s) that could not be applied`);
  return skipped;
}

/**
 * Whether an update decodes completely. parseUpdateMeta first rejects the cheap bombs (an update
 * declaring millions of structs) before the full decode would allocate for them.
 */
export function isDecodableUpdate(update: Uint8Array): boolean {
  try {
    Y.parseUpdateMeta(update);
    Y.decodeUpdate(update);
    return true;
  } catch {
    return false;
  }
}
