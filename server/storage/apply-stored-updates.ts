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
