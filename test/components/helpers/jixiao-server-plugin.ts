import type { Middleware } from '@web/dev-server-core';
import type { TestRunnerPlugin } from '@web/test-runner';
import type { Identity } from '../../../server/auth/tokens.ts';
import { makeSmallBudgetText } from '../../fixtures/small-budget-text.ts';
import { api, startTestServer, type TestServer } from '../../helpers/test-server.ts';

/** What the `jixiao-new-doc` command answers: a fresh document on the real server and a token for it. */
export interface NewDocAnswer {
  docId: string;
  token: string;
}

/** Payload of `jixiao-new-doc`: who asks (default: 张三, owner). */
export interface NewDocPayload {
  sub?: string;
  role?: Identity['role'];
  name?: string;
}

/**
 * A real jixiao server (127.0.0.1, port 0, temporary data folder) for the component tests that
 * talk to the API (comments): `plugin` starts and stops it with the test runner and answers the
 * browser command `jixiao-new-doc`; `proxy` forwards the page's `/api/…` requests to it, so
 * they are same-origin as in the app.
 */
export function jixiaoServer(): { plugin: TestRunnerPlugin<NewDocPayload>; proxy: Middleware } {
  let server: TestServer | null = null;
  const running = (): TestServer => {
    if (!server) throw new Error('the jixiao test server is not running');
    return server;
  };
  const plugin: TestRunnerPlugin<NewDocPayload> = {
    name: 'jixiao-server',
    async serverStart() {
      server = await startTestServer();
    },
    async serverStop() {
      await server?.cleanup();
      server = null;
    },
    async executeCommand({ command, payload }) {
      if (command !== 'jixiao-new-doc') return undefined;
      const s = running();
      const owner = await s.tokenFor('alice', 'owner', '张三');
      const created = await api(s, 'POST', '/api/docs', { token: owner, body: makeSmallBudgetText() });
      const docId = (created.body as { id: string }).id;
      const sub = payload?.sub ?? 'alice';
      if (sub !== 'alice') await api(s, 'PUT', `/api/docs/${docId}/members/${sub}`, { token: owner, body: { role: payload?.role ?? 'editor', name: payload?.name ?? sub } });
      const token = sub === 'alice' ? owner : await s.tokenFor(sub, payload?.role ?? 'editor', payload?.name ?? sub);
      const answer: NewDocAnswer = { docId, token };
      return answer;
    },
  };
  const proxy: Middleware = async (ctx, next) => {
    if (!ctx.url.startsWith('/api/')) return next();
    const chunks: Buffer[] = [];
    for await (const chunk of ctx.req) chunks.push(chunk as Buffer);
    const headers: Record<string, string> = {};
    for (const name of ['authorization', 'content-type', 'accept']) {
      const value = ctx.get(name);
      if (value) headers[name] = value;
    }
    const answer = await fetch(running().url + ctx.url, { method: ctx.method, headers, ...(chunks.length ? { body: Buffer.concat(chunks) } : {}) });
    ctx.status = answer.status;
    ctx.set('content-type', answer.headers.get('content-type') ?? 'application/json');
    ctx.body = Buffer.from(await answer.arrayBuffer());
  };
  return { plugin, proxy };
}
