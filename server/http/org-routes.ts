import { z } from 'zod';
import { GrantSchema } from '../../shared/access/grants.ts';
import { JixiaoError } from '../../shared/errors.ts';
import { ORG_KINDS, type Identity, type SigningKey } from '../auth/tokens.ts';
import { forbidden, type AccessService } from '../review/access-service.ts';
import type { OrgService } from '../orgs/org-service.ts';
import type { ReviewWriter } from '../review/review-writer.ts';
import { appendActivity, type Activity } from '../../shared/review/review-ydoc.ts';
import { parseDocId } from './doc-id.ts';
import { authenticate, parseInput, readBody, sendJson } from './http-kit.ts';
import type { Router } from './router.ts';

/** What the organisation routes need. */
export interface OrgRouteDeps {
  key: SigningKey;
  access: AccessService;
  orgs: OrgService;
  writer: ReviewWriter;
}

const Sub = z.string().regex(/^[^\s!]{1,128}$/);
const OrgCode = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/);
const TransferSchema = z.strictObject({ org: OrgCode, orgKind: z.enum(ORG_KINDS), region: z.string().regex(/^\d{2,12}$/).nullable() });
const AssignmentSchema = z.strictObject({ departments: z.array(OrgCode).max(500).nullable() });

/**
 * Adds grants (`GET/PUT/DELETE /api/docs/:id/grants[/:sub]`, document owners), the audit log
 * (`GET /api/docs/:id/audit`), the transfer of a document to another organisation
 * (`PUT /api/docs/:id/organisation`, admin) and finance reviewers' assignments
 * (`GET /api/assignments`, `PUT /api/assignments/:sub`). The role checks of the table in
 * shared/access/policy.ts ran before these handlers (server/http/route-policy.ts).
 */
export function addOrgRoutes(router: Router, deps: OrgRouteDeps): void {
  const { key, access, orgs, writer } = deps;
  // A line in the activity log: seen by everyone on the document and, with several instances,
  // the change of the review document that makes the others re-evaluate their connections.
  const changed = async (docId: string, user: Identity, entry: Pick<Activity, 'action'> & Partial<Activity>) => {
    await writer.review(docId, user, (doc) => appendActivity(doc, { at: new Date().toISOString(), user: { sub: user.sub, name: user.name }, ...entry }));
    await access.refresh(docId);
  };

  router.on('GET', '/api/docs/:id/grants', async (_req, res, params) => {
    const grants = await orgs.grants(parseDocId(params['id']));
    sendJson(res, 200, { grants: Object.entries(grants).map(([sub, g]) => ({ sub, ...g })) });
  });
  router.on('PUT', '/api/docs/:id/grants/:sub', async (req, res, params) => {
    const user = await authenticate(key, req);
    const docId = parseDocId(params['id']);
    const grant = await readBody(req, GrantSchema);
    const known = await access.projectIds(docId);
    const unknown = grant.projects.filter((p) => !known.has(p));
    if (unknown.length) throw new JixiaoError({ code: 'INVALID_REQUEST', zh: `文档中没有这些项目：${unknown.join('、')}`, en: `No such projects in the document: ${unknown.join(', ')}`, details: { unknown } });
    const sub = parseInput(Sub, params['sub']);
    await orgs.setGrant(docId, user, sub, { ...grant, projects: [...new Set(grant.projects)], sections: [...new Set(grant.sections)] });
    await changed(docId, user, { action: 'grant-set', subject: sub });
    sendJson(res, 200, { ok: true });
  });
  router.on('DELETE', '/api/docs/:id/grants/:sub', async (req, res, params) => {
    const user = await authenticate(key, req);
    const docId = parseDocId(params['id']);
    const sub = parseInput(Sub, params['sub']);
    await orgs.setGrant(docId, user, sub, null);
    await changed(docId, user, { action: 'grant-removed', subject: sub });
    sendJson(res, 200, { ok: true });
  });
  router.on('GET', '/api/docs/:id/audit', async (_req, res, params) => sendJson(res, 200, { entries: await orgs.audit(parseDocId(params['id'])) }));

  router.on('PUT', '/api/docs/:id/organisation', async (req, res, params) => {
    const user = await authenticate(key, req);
    const docId = parseDocId(params['id']);
    const body = await readBody(req, TransferSchema);
    await access.review(docId);
    const before = await orgs.owner(docId);
    await orgs.transfer(docId, user, body);
    await changed(docId, user, { action: 'transfer', from: before?.org ?? '—', to: body.org });
    sendJson(res, 200, { ok: true });
  });

  router.on('GET', '/api/assignments', async (req, res) => {
    const user = await authenticate(key, req);
    const all = await orgs.assignments();
    const people = await assignable(orgs, user);
    const visible = (sub: string) => people === null || people.has(sub);
    sendJson(res, 200, {
      assignments: Object.entries(all.assignments).filter(([sub]) => visible(sub)).map(([sub, a]) => ({ sub, ...a })),
      audit: all.audit.filter((e) => visible(e.subject)),
    });
  });
  router.on('PUT', '/api/assignments/:sub', async (req, res, params) => {
    const user = await authenticate(key, req);
    const people = await assignable(orgs, user);
    const sub = parseInput(Sub, params['sub']);
    const body = await readBody(req, AssignmentSchema);
    if (people !== null && !people.has(sub)) throw new JixiaoError({ code: 'NOT_FOUND', zh: '本局没有这个人', en: 'No such person in your bureau' });
    await orgs.setAssignment(user, sub, body.departments ? { departments: [...new Set(body.departments)] } : null);
    // A reviewer narrowed away from a document they have open loses it at once.
    await access.refreshPerson(sub);
    sendJson(res, 200, { ok: true });
  });
}

/**
 * Whose assignments `user` manages: everyone's (null) for a server admin; the people seen
 * signing in with their bureau for the finance bureau's owner; FORBIDDEN for anyone else.
 */
async function assignable(orgs: OrgService, user: Identity): Promise<Set<string> | null> {
  if (user.role === 'admin') return null;
  if (user.role !== 'owner' || user.orgKind !== 'finance' || !user.org) throw forbidden('只有财政局负责人可以分配审核人', 'Only the finance bureau\'s owner assigns reviewers');
  return new Set((await orgs.seen(user.org)).map((p) => p.sub));
}
