import type { IncomingMessage } from 'node:http';
import { JixiaoError } from '../../shared/errors.ts';
import { colorForUser, DEMO_USERS } from '../auth/demo-users.ts';
import { signToken, verifyToken, type Identity, type Role, type SigningKey } from '../auth/tokens.ts';
import type { DocService } from '../docs/doc-service.ts';
import { parseDocId } from './doc-id.ts';
import { addImportValidationRoutes } from './import-validation-routes.ts';
import { bearerToken, readJson, sendJson } from './http-kit.ts';
import { Router } from './router.ts';

/** What the API routes need from the rest of the server. */
export interface ApiDeps {
  key: SigningKey;
  docs: DocService;
}

/** Builds the `/api` router. Every route but health and the local demo sign-in needs a valid token. */
export function createApiRouter({ key, docs }: ApiDeps): Router {
  const auth = (req: IncomingMessage) => verifyToken(key, bearerToken(req));
  const router = new Router();

  router.on('GET', '/api/health', async (_req, res) => sendJson(res, 200, { ok: true }));

  router.on('GET', '/api/demo/users', async (_req, res) => {
    if (key.source !== 'local') throw demoOff();
    sendJson(res, 200, DEMO_USERS);
  });

  router.on('POST', '/api/demo/token', async (req, res) => {
    if (key.source !== 'local') throw demoOff();
    const body = (await readJson(req)) as { sub?: unknown } | null;
    const user = DEMO_USERS.find((u) => u.sub === body?.sub);
    if (!user) throw new JixiaoError({ code: 'INVALID_REQUEST', zh: '没有这个演示用户', en: 'No such demo user' });
    sendJson(res, 200, { token: await signToken(key, user) });
  });

  router.on('GET', '/api/me', async (req, res) => {
    const me = await auth(req);
    sendJson(res, 200, { ...me, color: colorForUser(me.sub) });
  });

  router.on('GET', '/api/docs', async (req, res) => {
    await auth(req);
    sendJson(res, 200, await docs.list());
  });

  router.on('POST', '/api/docs', async (req, res) => {
    const user = await auth(req);
    requireRole(user, ['owner', 'editor']);
    const id = await docs.create(await readJson(req), user);
    sendJson(res, 201, { id });
  });

  // Registered before /api/docs/:id so that "import" is never read as an id.
  addImportValidationRoutes(router, key, docs);

  router.on('GET', '/api/docs/:id', async (req, res, params) => {
    await auth(req);
    sendJson(res, 200, await docs.getJson(parseDocId(params['id'])));
  });

  return router;
}

/** Throws FORBIDDEN unless the identity has one of `roles`. */
export function requireRole(identity: Identity, roles: readonly Role[]): void {
  if (!roles.includes(identity.role)) {
    throw new JixiaoError({ code: 'FORBIDDEN', zh: '当前角色无权执行此操作', en: 'Your role may not do this' });
  }
}

function demoOff(): JixiaoError {
  return new JixiaoError({ code: 'NOT_FOUND', zh: '演示登录仅在本地模式下可用', en: 'Demo sign-in is only available in local mode' });
}
