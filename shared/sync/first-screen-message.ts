import { fromBase64, toBase64 } from 'lib0/buffer';
import { z } from 'zod/mini';
import '../zod-english.ts';

/** Longest first screen accepted (base64 characters): a first screen is one project and the narratives, far below it. */
const MAX_FIRST_SCREEN_CHARS = 8 * 1024 * 1024;

/**
 * The stateless message the server sends a first visit of a large document ahead of its full
 * state: a Yjs update with what the page shows first (shared/sync/first-screen-update.ts), so
 * the page can paint it while the rest is on its way.
 */
const FirstScreenMessageSchema = z.object({
  type: z.literal('first-screen'),
  update: z.string().check(z.maxLength(MAX_FIRST_SCREEN_CHARS), z.regex(/^[A-Za-z0-9+/]*={0,2}$/)),
});

/** The wire form of a first screen. */
export function encodeFirstScreenMessage(update: Uint8Array): string {
  return JSON.stringify({ type: 'first-screen', update: toBase64(update) });
}

/** The update of a first screen in a stateless `payload`; null for any other (or malformed) message. */
export function parseFirstScreenMessage(payload: string): Uint8Array | null {
  try {
    const parsed = FirstScreenMessageSchema.safeParse(JSON.parse(payload));
    return parsed.success ? fromBase64(parsed.data.update) : null;
  } catch {
    return null;
  }
}
