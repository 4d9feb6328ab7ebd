import { CLOSE_CODES } from '../../shared/limits.ts';
import { currentLanguage } from '../i18n/i18n.ts';

// Closes after which reconnecting carries the edits again by itself: not a refusal of the edits.
const TRANSIENT = new Set<number>([CLOSE_CODES.TOKEN_EXPIRED.code, CLOSE_CODES.STORAGE_FAILED.code, CLOSE_CODES.RATE_LIMITED.code, CLOSE_CODES.STATUS_CHANGING.code]);

/**
 * Why the server closed the socket, in the interface language, when it refused this person's
 * edits (read-only, limits, client id, or any other application code from 4400 on, such as a
 * refusal for lack of a grant); null for an ordinary or transient close.
 */
export function describeRefusal(code: number | undefined, reason: string | undefined): string | null {
  if (code === undefined || code < 4400 || code > 4499 || TRANSIENT.has(code)) return null;
  const known = Object.values(CLOSE_CODES).find((c) => c.code === code);
  if (known) return currentLanguage() === 'en' ? known.en : known.zh;
  return reason ? `${reason} (${code})` : String(code);
}
