import type { IncomingMessage, ServerResponse } from 'node:http';
import { JixiaoError } from '../../shared/errors.ts';
import type { BudgetText } from '../../shared/model/budget-text-schema.ts';
import { verifyToken, type SigningKey } from '../auth/tokens.ts';
import type { DocService } from '../docs/doc-service.ts';
import { EXPORT_CONTENT_TYPES, exportInWorker, type ExportFormat } from '../office/export-in-worker.ts';
import type { VersionService } from '../versions/version-service.ts';
import { parseDocId } from './doc-id.ts';
import { bearerToken } from './http-kit.ts';
import type { Router } from './router.ts';

/** What the export routes need. */
export interface ExportRouteDeps {
  key: SigningKey;
  docs: DocService;
  versions: VersionService;
}

function formatOf(req: IncomingMessage): ExportFormat {
  const format = new URL(req.url ?? '', 'http://x').searchParams.get('format');
  if (format === 'docx' || format === 'xlsx') return format;
  throw new JixiaoError({ code: 'INVALID_REQUEST', zh: '导出格式须为 format=docx 或 format=xlsx', en: 'The export format must be format=docx or format=xlsx' });
}

/**
 * The download name: the document's title and the date (`<标题>_2025-03-01.docx`), with characters file systems
 * refuse replaced; `filename*` carries it in UTF-8 (RFC 6266/5987), `filename` an ASCII fallback.
 */
function contentDisposition(title: string, date: Date, format: ExportFormat): string {
  // The calendar day where the documents are written (China), whatever the server's zone.
  const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(date);
  const safe = title.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_').trim().slice(0, 120) || 'jixiao';
  const name = `${safe}_${day}.${format}`;
  return `attachment; filename="jixiao_${day}.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

async function send(res: ServerResponse, doc: BudgetText, format: ExportFormat, date: Date): Promise<void> {
  const bytes = await exportInWorker(doc, format);
  res.writeHead(200, {
    'content-type': EXPORT_CONTENT_TYPES[format],
    'content-disposition': contentDisposition(doc.title, date, format),
    'content-length': String(bytes.byteLength),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(bytes);
}

/**
 * Adds `GET /api/docs/:id/export?format=docx|xlsx` (the current document) and
 * `GET /api/docs/:id/versions/:vid/export?format=…` (a saved version), with the same access check as reading
 * the document or version. The file is written in a worker thread (server/office/export-in-worker.ts).
 */
export function addExportRoutes(router: Router, deps: ExportRouteDeps): void {
  const auth = (req: IncomingMessage) => verifyToken(deps.key, bearerToken(req));

  router.on('GET', '/api/docs/:id/export', async (req, res, params) => {
    await auth(req);
    const format = formatOf(req);
    await send(res, await deps.docs.getJson(parseDocId(params['id'])), format, new Date());
  });

  router.on('GET', '/api/docs/:id/versions/:vid/export', async (req, res, params) => {
    await auth(req);
    const format = formatOf(req);
    const docId = parseDocId(params['id']);
    const vid = String(params['vid']);
    const doc = await deps.versions.json(docId, vid);
    const meta = vid === 'current' ? undefined : (await deps.versions.list(docId)).find((v) => v.id === vid);
    await send(res, doc, format, meta === undefined ? new Date() : new Date(meta.createdAt));
  });
}
