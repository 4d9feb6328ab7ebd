import { JixiaoError } from '../../shared/errors.ts';
import { signToken, verifySession, type SigningKey } from '../auth/tokens.ts';
import { bearerToken, sendJson } from './http-kit.ts';
import type { Router } from './router.ts';

/** What the token routes need. */
export interface TokenRouteDeps {
  key: SigningKey;
  /** Longest a session lasts from its sign-in (`iat0`), across every refresh. */
  sessionMaxHours: number;
  /** Lifetime of one refreshed token before the session cap (default 12 hours). */
  tokenTtlSeconds?: number;
}

/**
 * `POST /api/token/refresh`: a still-valid token gets a fresh one for the same person, ending
 * no later than sign-in + `sessionMaxHours`. An expired token is refused (401): the client keeps
 * its unsent edits and asks the person to sign in again.
 */
export function addTokenRoutes(router: Router, { key, sessionMaxHours, tokenTtlSeconds = 12 * 3600 }: TokenRouteDeps): void {
  router.on('POST', '/api/token/refresh', async (req, res) => {
    const session = await verifySession(key, bearerToken(req));
    const now = Math.floor(Date.now() / 1000);
    const sessionEnd = session.sessionStart + Math.floor(sessionMaxHours * 3600);
    const ttl = Math.min(tokenTtlSeconds, sessionEnd - now);
    if (ttl <= 0) {
      throw new JixiaoError({ code: 'UNAUTHORIZED', zh: '登录已达最长时限，请重新登录', en: 'The session reached its maximum length; please sign in again' });
    }
    const token = await signToken(key, session.identity, ttl, session.sessionStart);
    sendJson(res, 200, { token, expiresAt: now + ttl });
  });
}
