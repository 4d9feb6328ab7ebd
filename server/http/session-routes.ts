import { z } from 'zod';
import { JixiaoError } from '../../shared/errors.ts';
import { colorForUser, DEMO_USERS } from '../auth/demo-users.ts';
import { signToken, type SigningKey } from '../auth/tokens.ts';
import { authenticate, readJson, sendJson } from './http-kit.ts';
import type { Router } from './router.ts';

const DemoTokenRequestSchema = z.object({ sub: z.string() });

/**
 * Adds the routes about the caller rather than a document: `GET /api/health` (no token),
 * `GET /api/me`, and the local demo sign-in (`GET /api/demo/users`, `POST /api/demo/token`),
 * which exists only while the signing secret is local.
 */
export function addSessionRoutes(router: Router, key: SigningKey): void {
  router.on('GET', '/api/health', async (_req, res) => sendJson(res, 200, { ok: true }));

  router.on('GET', '/api/demo/users', async (_req, res) => {
    if (key.source !== 'local') throw demoOff();
    sendJson(res, 200, DEMO_USERS);
  });

  router.on('POST', '/api/demo/token', async (req, res) => {
    if (key.source !== 'local') throw demoOff();
    const body = DemoTokenRequestSchema.safeParse(await readJson(req));
    const user = body.success ? DEMO_USERS.find((u) => u.sub === body.data.sub) : undefined;
    if (!user) throw new JixiaoError({ code: 'INVALID_REQUEST', zh: '没有这个演示用户', en: 'No such demo user' });
    sendJson(res, 200, { token: await signToken(key, user) });
  });

  router.on('GET', '/api/me', async (req, res) => {
    const me = await authenticate(key, req);
    sendJson(res, 200, { ...me, color: colorForUser(me.sub) });
  });
}

function demoOff(): JixiaoError {
  return new JixiaoError({ code: 'NOT_FOUND', zh: '演示登录仅在本地模式下可用', en: 'Demo sign-in is only available in local mode' });
}
