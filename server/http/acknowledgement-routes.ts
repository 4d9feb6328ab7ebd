import { AcknowledgementInputSchema } from '../../shared/review/acknowledgements.ts';
import type { SigningKey } from '../auth/tokens.ts';
import type { AcknowledgementService } from '../review/acknowledgement-service.ts';
import { parseDocId } from './doc-id.ts';
import { authenticate, readBody, sendJson } from './http-kit.ts';
import type { Router } from './router.ts';

/** Adds `POST` / `DELETE /api/docs/:id/acknowledgements {ruleId, place}`: mark a warning 已确认, or take the mark back. */
export function addAcknowledgementRoutes(router: Router, key: SigningKey, acks: AcknowledgementService): void {
  router.on('POST', '/api/docs/:id/acknowledgements', async (req, res, params) => {
    const user = await authenticate(key, req);
    const body = await readBody(req, AcknowledgementInputSchema);
    await acks.acknowledge(parseDocId(params['id']), user, body);
    sendJson(res, 201, { ok: true });
  });
  router.on('DELETE', '/api/docs/:id/acknowledgements', async (req, res, params) => {
    const user = await authenticate(key, req);
    const body = await readBody(req, AcknowledgementInputSchema);
    await acks.remove(parseDocId(params['id']), user, body);
    sendJson(res, 200, { ok: true });
  });
}
