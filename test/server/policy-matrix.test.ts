import { beforeAll, describe, expect, it } from 'vitest';
import { signToken, type Identity } from '../../server/auth/tokens.ts';
import { ACTION_ROLES, may, ROUTE_RULES, TOKEN_ROLES, type RouteRule, type TokenRole } from '../../shared/access/policy.ts';
import { canEditContent, type Role } from '../../shared/review/workflow.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { connectClient } from '../helpers/test-client.ts';
import { api, startTestServer, type TestServer } from '../helpers/test-server.ts';

/*
 * Generated from shared/access/policy.ts: every registered route × every token role × every kind
 * of organisation, on a document of a department and on one without an organisation, over HTTP
 * and over the WebSocket (content and review document). The expectations are written here
 * independently of the server's code, from the README's roles section.
 */

const REGION = '130225';
const ORG_CASES = {
  'same department': { org: 'lt-zfb', orgKind: 'department', region: REGION },
  'other department': { org: 'lt-jgsw', orgKind: 'department', region: REGION },
  'finance, same region': { org: 'lt-czj', orgKind: 'finance', region: REGION },
  'finance, other region': { org: 'zh-czj', orgKind: 'finance', region: '130281' },
  'no organisation': {},
} as const satisfies Record<string, Partial<Identity>>;
type OrgCase = keyof typeof ORG_CASES;
type DocCase = 'department document' | 'document without organisation';

/** The role the README gives this person on the document, or null when it is out of their reach (404). */
function expectedRole(role: TokenRole, org: OrgCase, doc: DocCase): Role | null {
  const reaches = doc === 'document without organisation' || org === 'same department' || org === 'finance, same region';
  if (!reaches || role === 'admin') return null;
  const base: Role = role === 'owner' ? 'editor' : role;
  return doc === 'department document' && org === 'finance, same region' && base !== 'viewer' ? 'reviewer' : base;
}

/** Whether the token itself may take a server-wide action (assignments: admins and the finance bureau's owner). */
function expectedServerAllowed(rule: Extract<RouteRule, { scope: 'server' }>, role: TokenRole, org: OrgCase): boolean {
  if (rule.action === 'assignments.manage') return role === 'admin' || (role === 'owner' && ORG_CASES[org] !== ORG_CASES['no organisation'] && 'orgKind' in ORG_CASES[org] && ORG_CASES[org].orgKind === 'finance');
  return may(role, rule.action);
}

const DOC_NOT_FOUND = /找不到文档/;

describe('who may do what: every role × route × organisation', () => {
  let server: TestServer;
  const docs: Record<DocCase, string> = { 'department document': '', 'document without organisation': '' };
  const tokens = new Map<string, string>();
  const tokenOf = (role: TokenRole, org: OrgCase) => tokens.get(`${role}|${org}`) as string;

  beforeAll(async () => {
    server = await startTestServer();
    for (const role of TOKEN_ROLES) for (const org of Object.keys(ORG_CASES) as OrgCase[]) {
      tokens.set(`${role}|${org}`, await signToken(server.key, { sub: `${role}-${Object.keys(ORG_CASES).indexOf(org)}`, name: `${role} ${org}`, role, ...ORG_CASES[org] }));
    }
    const creator = await signToken(server.key, { sub: 'creator', name: '张三', role: 'owner', ...ORG_CASES['same department'] });
    const loner = await signToken(server.key, { sub: 'loner', name: '单位', role: 'owner' });
    docs['department document'] = ((await api(server, 'POST', '/api/docs', { token: creator, body: makeSmallBudgetText() })).body as { id: string }).id;
    docs['document without organisation'] = ((await api(server, 'POST', '/api/docs', { token: loner, body: makeSmallBudgetText() })).body as { id: string }).id;
  });

  it('has a rule for every registered route, and a route for every rule', () => {
    expect([...server.routes].sort()).toEqual(Object.keys(ROUTE_RULES).sort());
    for (const rule of Object.values(ROUTE_RULES)) if ('action' in rule && rule.action) expect(ACTION_ROLES[rule.action]).toBeDefined();
  });

  it('answers every route for every role and organisation as the table says', async () => {
    const failures: string[] = [];
    for (const route of server.routes) {
      const rule = ROUTE_RULES[route] as RouteRule;
      const [method, pattern] = route.split(' ') as [string, string];
      for (const doc of Object.keys(docs) as DocCase[]) {
        // Sub-resources that do not exist: an allowed caller gets past the check to a 400/404 of its own.
        const path = pattern.replace(':id', docs[doc]).replace(/:(vid|tid|cid|sid|sub)/g, 'nope');
        const body = method === 'GET' ? undefined : {};
        if (rule.scope !== 'public') {
          const anonymous = await api(server, method, path, body === undefined ? {} : { body });
          if (anonymous.status !== 401) failures.push(`${route} without a token: ${anonymous.status}`);
        }
        const cases = TOKEN_ROLES.flatMap((role) => (Object.keys(ORG_CASES) as OrgCase[]).map((org) => ({ role, org })));
        // The 25 callers of one route at once: some 2,000 requests in all.
        const answers = await Promise.all(cases.map(({ role, org }) => api(server, method, path, { token: tokenOf(role, org), ...(body === undefined ? {} : { body }) })));
        for (const [i, { role, org }] of cases.entries()) {
          const res = answers[i] as Awaited<ReturnType<typeof api>>;
          const text = JSON.stringify(res.body);
          const who = `${route} on the ${doc} as ${role} (${org}): ${res.status} ${text.slice(0, 120)}`;
          if (rule.scope === 'document') {
            const effective = expectedRole(role, org, doc);
            if (effective === null) {
              if (res.status !== 404 || !DOC_NOT_FOUND.test(text)) failures.push(`${who}, expected the 404 of an unknown document`);
            } else if (may(effective, rule.action)) {
              if (res.status === 403 || DOC_NOT_FOUND.test(text) || res.status === 401) failures.push(`${who}, expected to be let through as ${effective}`);
            } else if (res.status !== 403) failures.push(`${who}, expected 403 as ${effective}`);
            continue;
          }
          const allowed = rule.scope === 'public' || (rule.scope === 'signed-in' ? !rule.action || may(role, rule.action) : expectedServerAllowed(rule, role, org));
          if (allowed && (res.status === 401 || res.status === 403)) failures.push(`${who}, expected to be let through`);
          if (!allowed && res.status !== 403) failures.push(`${who}, expected 403`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('opens the content and review documents over WebSocket only within reach, read-only as the role says', async () => {
    const failures: string[] = [];
    for (const doc of Object.keys(docs) as DocCase[]) for (const role of TOKEN_ROLES) for (const org of Object.keys(ORG_CASES) as OrgCase[]) {
      const effective = expectedRole(role, org, doc);
      for (const name of [docs[doc], `${docs[doc]}.review`]) {
        const client = connectClient(server.wsUrl, name, tokenOf(role, org), { urlDocId: docs[doc] });
        const outcome = await client.synced.then(() => client.provider.authorizedScope, (e: Error) => e.message);
        client.destroy();
        const expected = effective === null ? 'authentication failed: unknown-document' : name === docs[doc] && canEditContent(effective, 'draft') ? 'read-write' : 'readonly';
        if (outcome !== expected) failures.push(`${name.endsWith('.review') ? 'review' : 'content'} of the ${doc} as ${role} (${org}): ${outcome}, expected ${expected}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
