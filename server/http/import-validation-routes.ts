import { readDocSettings } from '../../shared/model/doc-settings.ts';
import { toBudgetJson } from '../../shared/model/budget-ydoc.ts';
import { CONTENT_EDITORS } from '../../shared/review/workflow.ts';
import { loadRules } from '../validation/load-rules.ts';
import type { Identity, SigningKey } from '../auth/tokens.ts';
import type { DocService } from '../docs/doc-service.ts';
import { importInWorker } from '../import/import-in-worker.ts';
import { IMPORT_RETRY_AFTER_SECONDS, ImportQueue } from '../import/import-queue.ts';
import { requireRole } from '../review/access-service.ts';
import { parseDocId } from './doc-id.ts';
import { authenticate, readBodyBytes, sendJson } from './http-kit.ts';
import type { Router } from './router.ts';

/** The validation report with what the review adds (已确认 marks); without one, the plain `{summary, findings}`. */
export type ValidationReport = (docId: string, user: Identity) => Promise<unknown>;

/**
 * Adds the import and validation routes: `POST /api/docs/import` (the bytes of a .docx, .xlsx or Word/PDF
 * text export, recognised by content → a new document and the import report) and `GET /api/docs/:id/validation`.
 */
export function addImportValidationRoutes(router: Router, key: SigningKey, docs: DocService, report?: ValidationReport): void {
  const imports = new ImportQueue();

  router.on('POST', '/api/docs/import', async (req, res) => {
    const user = await authenticate(key, req);
    requireRole(user, CONTENT_EDITORS);
    const source = new Uint8Array(await readBodyBytes(req));
    res.setHeader('retry-after', String(IMPORT_RETRY_AFTER_SECONDS));
    const result = await imports.run(() => importInWorker(source));
    res.removeHeader('retry-after');
    if (!result.ok) throw result.error;
    const id = await docs.createFromJson(result.value.doc, user);
    sendJson(res, 201, { id, report: result.value.report });
  });

  router.on('GET', '/api/docs/:id/validation', async (req, res, params) => {
    const user = await authenticate(key, req);
    if (report) return sendJson(res, 200, await report(parseDocId(params['id']), user));
    const { json, settings } = await docs.read(parseDocId(params['id']), (doc) => ({ json: toBudgetJson(doc), settings: readDocSettings(doc) }));
    const { summarizeFindings, validateBudgetText } = await loadRules();
    const findings = validateBudgetText(json, { hierarchy: settings.hierarchy });
    sendJson(res, 200, { summary: summarizeFindings(findings), findings });
  });
}
