import type { IncomingMessage } from 'node:http';
import { readDocSettings } from '../../shared/model/doc-settings.ts';
import { toBudgetJson } from '../../shared/model/budget-ydoc.ts';
import { summarizeFindings, validateBudgetText } from '../../shared/rules/index.ts';
import { verifyToken, type SigningKey } from '../auth/tokens.ts';
import type { DocService } from '../docs/doc-service.ts';
import { requireRole } from './api-routes.ts';
import { bearerToken, readBodyBytes, sendJson } from './http-kit.ts';
import type { Router } from './router.ts';
import { parseDocId } from './doc-id.ts';
import { importInWorker } from '../import/import-in-worker.ts';

/**
 * Adds the import and validation routes: `POST /api/docs/import` (the bytes of a .docx, .xlsx or Word/PDF
 * text export, recognised by content → a new document and the import report) and `GET /api/docs/:id/validation`.
 */
export function addImportValidationRoutes(router: Router, key: SigningKey, docs: DocService): void {
  const auth = (req: IncomingMessage) => verifyToken(key, bearerToken(req));

  router.on('POST', '/api/docs/import', async (req, res) => {
    const user = await auth(req);
    requireRole(user, ['owner', 'editor']);
    const result = await importInWorker(new Uint8Array(await readBodyBytes(req)));
    if (!result.ok) throw result.error;
    const id = await docs.createFromJson(result.value.doc, user);
    sendJson(res, 201, { id, report: result.value.report });
  });

  router.on('GET', '/api/docs/:id/validation', async (req, res, params) => {
    await auth(req);
    const { json, settings } = await docs.read(parseDocId(params['id']), (doc) => ({ json: toBudgetJson(doc), settings: readDocSettings(doc) }));
    const findings = validateBudgetText(json, { hierarchy: settings.hierarchy });
    sendJson(res, 200, { summary: summarizeFindings(findings), findings });
  });
}
