import { CONTENT_EDITORS } from '../../shared/review/workflow.ts';
import type { SigningKey } from '../auth/tokens.ts';
import type { DocService } from '../docs/doc-service.ts';
import { requireRole, type AccessService } from '../review/access-service.ts';
import { parseDocId } from './doc-id.ts';
import { authenticate, readJson, sendJson } from './http-kit.ts';
import type { Router } from './router.ts';

/** Adds `GET /api/docs` (the list of documents within the caller's reach), `POST /api/docs` (create from canonical JSON) and `GET /api/docs/:id`. */
export function addDocRoutes(router: Router, key: SigningKey, docs: DocService, access: AccessService): void {
  router.on('GET', '/api/docs', async (req, res) => {
    const user = await authenticate(key, req);
    sendJson(res, 200, await docs.list((id) => access.roleOn(id, user).then(() => true, () => false)));
  });

  router.on('POST', '/api/docs', async (req, res) => {
    const user = await authenticate(key, req);
    requireRole(user, CONTENT_EDITORS);
    // DocService parses the body itself: its zod issues are the INVALID_DOCUMENT details.
    const id = await docs.create(await readJson(req), user);
    sendJson(res, 201, { id });
  });

  router.on('GET', '/api/docs/:id', async (req, res, params) => {
    await authenticate(key, req);
    sendJson(res, 200, await docs.getJson(parseDocId(params['id'])));
  });
}
