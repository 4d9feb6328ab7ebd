import { CONTENT_EDITORS, ROLES } from '../../shared/review/workflow.ts';
import type { SigningKey } from '../auth/tokens.ts';
import { requireRole, type AccessService } from '../review/access-service.ts';
import type { NextYearService } from '../rollover/next-year-service.ts';
import { parseDocId } from './doc-id.ts';
import { authenticate, sendJson } from './http-kit.ts';
import type { Router } from './router.ts';

/** What the next-year routes need. */
export interface NextYearRouteDeps {
  key: SigningKey;
  access: AccessService;
  nextYear: NextYearService;
}

/**
 * Adds `POST /api/docs/:id/next-year` (以此为基础新建下一年度文本: a new draft for the next year,
 * owned by the caller, linked to this one) and `GET /api/docs/:id/previous` (the linked previous
 * year within the caller's reach, and its 指标值 by row id).
 */
export function addNextYearRoutes(router: Router, deps: NextYearRouteDeps): void {
  const { key, access, nextYear } = deps;
  router.on('POST', '/api/docs/:id/next-year', async (req, res, params) => {
    const user = await authenticate(key, req);
    // As for a copy: a draft of one's own, so the token's own role must be one that creates.
    requireRole(user, CONTENT_EDITORS);
    const source = parseDocId(params['id']);
    await access.require(source, user, ROLES);
    sendJson(res, 201, { id: await nextYear.create(source, user) });
  });

  router.on('GET', '/api/docs/:id/previous', async (req, res, params) => {
    const user = await authenticate(key, req);
    sendJson(res, 200, await nextYear.previous(parseDocId(params['id']), user));
  });
}
