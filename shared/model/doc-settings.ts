import type * as Y from 'yjs';
import { z } from 'zod/mini';
import '../zod-english.ts';
import { settingsMap } from './ydoc-layout.ts';

/** Per-document settings kept in the Y.Doc beside the content (not part of the canonical JSON). */
export const DocSettingsSchema = z.strictObject({
  /** Indicator hierarchy the validator applies: 88号-style three levels, or 财预〔2021〕101号 four. */
  hierarchy: z.enum(['legacy-3', 'mof-2021-4']),
});
export type DocSettings = z.infer<typeof DocSettingsSchema>;

/** Settings of a document that set none. */
export const DEFAULT_DOC_SETTINGS: DocSettings = { hierarchy: 'legacy-3' };

/** The document's settings; a missing or unknown value falls back to its default. */
export function readDocSettings(doc: Y.Doc): DocSettings {
  const hierarchy = settingsMap(doc).get('hierarchy');
  return { hierarchy: hierarchy === 'mof-2021-4' ? 'mof-2021-4' : DEFAULT_DOC_SETTINGS.hierarchy };
}

/** Changes settings as an ordinary (undoable, live) edit. */
export function setDocSettings(doc: Y.Doc, settings: Partial<DocSettings>, origin?: unknown): void {
  doc.transact(() => {
    if (settings.hierarchy) settingsMap(doc).set('hierarchy', settings.hierarchy);
  }, origin);
}
