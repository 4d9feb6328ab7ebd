import { z } from 'zod';
import { JixiaoError } from '../../shared/errors.ts';
import { CONTENT_EDITORS, ROLES, canEditContent } from '../../shared/review/workflow.ts';
import type { SigningKey } from '../auth/tokens.ts';
import type { DocService } from '../docs/doc-service.ts';
import type { HistoryStore, HistoryTarget } from '../storage/history-store.ts';
import type { VersionService } from '../versions/version-service.ts';
import { forbidden, type AccessService } from '../review/access-service.ts';
import { parseDocId } from './doc-id.ts';
import { authenticate, parseInput, readBody, sendJson } from './http-kit.ts';
import type { Router } from './router.ts';

const LabelSchema = z.strictObject({ label: z.string().trim().min(1).max(100) });
const Id = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/);
const HistoryQuerySchema = z.union([
  z.strictObject({ project: Id, indicator: Id, field: Id }),
  z.strictObject({ project: Id, field: Id }),
  z.strictObject({ section: z.enum(['overallGoal', 'subGoals', 'safeguards']) }),
]);

/** What the version routes need. */
export interface VersionRouteDeps {
  key: SigningKey;
  docs: DocService;
  versions: VersionService;
  history: HistoryStore;
  /** Resolves once the document's history holds every change made so far (a person opening a cell's history sees their last edit). */
  historyWritten(docId: string): Promise<void>;
  access: AccessService;
  /** Called after a version was taken by a person, so the automatic timer starts over. */
  onSnapshot(docId: string): void;
}

/** Adds versions, comparison, restore and per-cell history routes under /api/docs/:id. */
export function addVersionRoutes(router: Router, deps: VersionRouteDeps): void {
  const { key, versions, history, docs, access } = deps;
  const auth = authenticate.bind(null, key);

  router.on('GET', '/api/docs/:id/versions', async (req, res, params) => {
    await auth(req);
    sendJson(res, 200, await versions.list(parseDocId(params['id'])));
  });

  router.on('POST', '/api/docs/:id/versions', async (req, res, params) => {
    const user = await auth(req);
    const docId = parseDocId(params['id']);
    await access.require(docId, user, CONTENT_EDITORS);
    const body = await readBody(req, LabelSchema);
    const meta = await versions.snapshot(docId, body.label, 'manual', user);
    deps.onSnapshot(docId);
    sendJson(res, 201, { id: meta.id });
  });

  router.on('GET', '/api/docs/:id/versions/:vid', async (req, res, params) => {
    await auth(req);
    sendJson(res, 200, await versions.json(parseDocId(params['id']), String(params['vid'])));
  });

  router.on('GET', '/api/docs/:id/versions/:vid/comments', async (req, res, params) => {
    await auth(req);
    sendJson(res, 200, await versions.threads(parseDocId(params['id']), String(params['vid'])));
  });

  router.on('GET', '/api/docs/:id/diff', async (req, res, params) => {
    const user = await auth(req);
    const q = new URL(req.url ?? '', 'http://x').searchParams;
    const from = q.get('from');
    const to = q.get('to') ?? 'current';
    if (!from) throw new JixiaoError({ code: 'INVALID_REQUEST', zh: '缺少参数 from', en: 'Missing parameter "from"' });
    const docId = parseDocId(params['id']);
    // `against`: the `from` side is a version of another document (last year's), read within reach.
    const against = q.get('against');
    const fromDoc = against === null ? docId : parseDocId(against);
    if (against !== null) await access.require(fromDoc, user, ROLES);
    sendJson(res, 200, await versions.diff(docId, from, to, fromDoc));
  });

  router.on('POST', '/api/docs/:id/versions/:vid/restore', async (req, res, params) => {
    const user = await auth(req);
    const docId = parseDocId(params['id']);
    // From the status check to the write, a status change waits for the restore.
    const { preRestoreVersionId } = await access.writingContent(docId, async () => {
      const { role, review } = await access.require(docId, user, CONTENT_EDITORS);
      if (!canEditContent(role, review.status)) throw forbidden('文档当前状态下不能恢复版本', 'The document is locked in its current status');
      // A restore may change anything: it belongs to those who may change the document's structure.
      await access.requireEdit(docId, user, role, [{ kind: 'structure' }, { kind: 'project', project: '', money: true }]);
      return versions.restore(docId, String(params['vid']), user);
    });
    deps.onSnapshot(docId);
    sendJson(res, 200, { id: preRestoreVersionId });
  });

  router.on('GET', '/api/docs/:id/history', async (req, res, params) => {
    await auth(req);
    const docId = parseDocId(params['id']);
    await docs.read(docId, () => null);
    const query = Object.fromEntries(new URL(req.url ?? '', 'http://x').searchParams);
    const target = parseInput(HistoryQuerySchema, query) as HistoryTarget;
    await deps.historyWritten(docId);
    sendJson(res, 200, await history.list(docId, target));
  });
}
