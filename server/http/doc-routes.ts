import { z } from 'zod';
import { CONTENT_EDITORS, ROLES } from '../../shared/review/workflow.ts';
import type { SigningKey } from '../auth/tokens.ts';
import type { DocCatalogue } from '../docs/doc-catalogue.ts';
import type { DocService } from '../docs/doc-service.ts';
import { requireRole, type AccessService } from '../review/access-service.ts';
import { parseDocId } from './doc-id.ts';
import { authenticate, readBody, readJson, sendJson } from './http-kit.ts';
import type { Router } from './router.ts';

/** What the document routes need. */
export interface DocRouteDeps {
  key: SigningKey;
  docs: DocService;
  catalogue: DocCatalogue;
  access: AccessService;
}

const CopyInputSchema = z.strictObject({ title: z.string().trim().min(1).max(200).optional() });

/**
 * Adds `GET /api/docs` (the documents within the caller's reach, with status and error count), `POST /api/docs` (create from
 * canonical JSON), `POST /api/docs/:id/copy` (a new draft with the content of a document the
 * caller may read) and `GET /api/docs/:id`.
 */
export function addDocRoutes(router: Router, deps: DocRouteDeps): void {
  const { key, docs, catalogue, access } = deps;
  router.on('GET', '/api/docs', async (req, res) => {
    const user = await authenticate(key, req);
    sendJson(res, 200, await catalogue.list((id) => access.roleOn(id, user).then(() => true, () => false)));
  });

  router.on('POST', '/api/docs', async (req, res) => {
    const user = await authenticate(key, req);
    requireRole(user, CONTENT_EDITORS);
    // DocService parses the body itself: its zod issues are the INVALID_DOCUMENT details.
    const id = await docs.create(await readJson(req), user);
    sendJson(res, 201, { id });
  });

  router.on('POST', '/api/docs/:id/copy', async (req, res, params) => {
    const user = await authenticate(key, req);
    requireRole(user, CONTENT_EDITORS);
    const source = parseDocId(params['id']);
    const { title } = await readBody(req, CopyInputSchema);
    await access.require(source, user, ROLES);
    const json = await docs.getJson(source);
    const id = await docs.createFromJson({ ...json, title: title ?? `${json.title}（副本）` }, user);
    sendJson(res, 201, { id });
  });

  router.on('GET', '/api/docs/:id', async (req, res, params) => {
    await authenticate(key, req);
    sendJson(res, 200, await docs.getJson(parseDocId(params['id'])));
  });
}
