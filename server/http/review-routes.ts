import {
  CommentTextSchema,
  MemberInputSchema,
  NewSuggestionSchema,
  NewThreadSchema,
  StatusChangeSchema,
  ThreadPatchSchema,
} from '../../shared/review/review-schema.ts';
import { z } from 'zod';
import { ROLES } from '../../shared/review/workflow.ts';
import type { SigningKey } from '../auth/tokens.ts';
import { grantFields, type AccessService } from '../review/access-service.ts';
import type { CommentService } from '../review/comment-service.ts';
import type { SuggestionService } from '../review/suggestion-service.ts';
import type { WorkflowService } from '../review/workflow-service.ts';
import { parseDocId } from './doc-id.ts';
import { authenticate, parseInput, readBody, sendJson } from './http-kit.ts';
import type { Router } from './router.ts';

/** What the review routes need. */
export interface ReviewRouteDeps {
  key: SigningKey;
  access: AccessService;
  comments: CommentService;
  suggestions: SuggestionService;
  workflow: WorkflowService;
}

const Sub = z.string().regex(/^[^\s!]{1,128}$/);

/** Adds members, comments, suggestions and workflow routes under /api/docs/:id. */
export function addReviewRoutes(router: Router, deps: ReviewRouteDeps): void {
  const { key, access, comments, suggestions, workflow } = deps;
  const auth = authenticate.bind(null, key);
  const id = (params: Record<string, string>) => parseDocId(params['id']);

  router.on('GET', '/api/docs/:id/access', async (req, res, params) => {
    const user = await auth(req);
    const docId = id(params);
    const { role, review } = await access.require(docId, user, ROLES);
    const view = await access.orgs.grantView(docId, user.sub);
    // Who may be @mentioned: members, and the people of the organisations that reach the document.
    const people = await access.orgs.people(docId);
    sendJson(res, 200, { role, status: review.status, activity: review.activity, ...grantFields(view), people });
  });

  router.on('GET', '/api/docs/:id/members', async (req, res, params) => sendJson(res, 200, await workflow.members(id(params), await auth(req))));
  router.on('PUT', '/api/docs/:id/members/:sub', async (req, res, params) => {
    const user = await auth(req);
    const body = await readBody(req, MemberInputSchema);
    await workflow.setMember(id(params), user, parseInput(Sub, params['sub']), body);
    sendJson(res, 200, { ok: true });
  });
  router.on('DELETE', '/api/docs/:id/members/:sub', async (req, res, params) => {
    await workflow.setMember(id(params), await auth(req), parseInput(Sub, params['sub']), null);
    sendJson(res, 200, { ok: true });
  });

  router.on('GET', '/api/docs/:id/comments', async (req, res, params) => sendJson(res, 200, await comments.list(id(params), await auth(req))));
  router.on('POST', '/api/docs/:id/comments', async (req, res, params) => {
    const user = await auth(req);
    const body = await readBody(req, NewThreadSchema);
    sendJson(res, 201, { id: await comments.create(id(params), user, body.anchor, body.text) });
  });
  router.on('POST', '/api/docs/:id/comments/:tid/replies', async (req, res, params) => {
    const user = await auth(req);
    const body = await readBody(req, CommentTextSchema);
    sendJson(res, 201, { id: await comments.reply(id(params), user, String(params['tid']), body.text) });
  });
  router.on('PATCH', '/api/docs/:id/comments/:tid', async (req, res, params) => {
    const user = await auth(req);
    const body = await readBody(req, ThreadPatchSchema);
    await comments.setResolved(id(params), user, String(params['tid']), body.resolved);
    sendJson(res, 200, { ok: true });
  });
  router.on('PATCH', '/api/docs/:id/comments/:tid/comments/:cid', async (req, res, params) => {
    const user = await auth(req);
    const body = await readBody(req, CommentTextSchema);
    await comments.editComment(id(params), user, String(params['tid']), String(params['cid']), body.text);
    sendJson(res, 200, { ok: true });
  });
  router.on('DELETE', '/api/docs/:id/comments/:tid/comments/:cid', async (req, res, params) => {
    await comments.editComment(id(params), await auth(req), String(params['tid']), String(params['cid']), null);
    sendJson(res, 200, { ok: true });
  });

  router.on('GET', '/api/docs/:id/suggestions', async (req, res, params) => sendJson(res, 200, await suggestions.list(id(params), await auth(req))));
  router.on('POST', '/api/docs/:id/suggestions', async (req, res, params) => {
    const user = await auth(req);
    const body = await readBody(req, NewSuggestionSchema);
    sendJson(res, 201, { id: await suggestions.create(id(params), user, body) });
  });
  router.on('POST', '/api/docs/:id/suggestions/accept-all', async (req, res, params) => {
    const user = await auth(req);
    const body = await readBody(req, z.strictObject({ author: Sub }));
    sendJson(res, 200, await suggestions.acceptAllBy(id(params), user, body.author));
  });
  router.on('POST', '/api/docs/:id/suggestions/:sid/accept', async (req, res, params) => {
    await suggestions.decide(id(params), await auth(req), String(params['sid']), true);
    sendJson(res, 200, { ok: true });
  });
  router.on('POST', '/api/docs/:id/suggestions/:sid/reject', async (req, res, params) => {
    await suggestions.decide(id(params), await auth(req), String(params['sid']), false);
    sendJson(res, 200, { ok: true });
  });

  router.on('POST', '/api/docs/:id/status', async (req, res, params) => {
    const user = await auth(req);
    const body = await readBody(req, StatusChangeSchema);
    sendJson(res, 200, await workflow.changeStatus(id(params), user, body.status, body.comment));
  });
}
