import type { SigningKey } from '../auth/tokens.ts';
import { mentionCandidates } from '../people/mention-candidates.ts';
import type { PeopleDirectory } from '../people/people-directory.ts';
import type { AccessService } from '../review/access-service.ts';
import { parseDocId } from './doc-id.ts';
import { authenticate, sendJson } from './http-kit.ts';
import type { Router } from './router.ts';

/** Adds `GET /api/docs/:id/people`: who may be @mentioned there, `[{sub, name, initials}]` by name. */
export function addPeopleRoutes(router: Router, key: SigningKey, access: AccessService, people: PeopleDirectory): void {
  router.on('GET', '/api/docs/:id/people', async (req, res, params) => {
    const user = await authenticate(key, req);
    sendJson(res, 200, await mentionCandidates(access, people, parseDocId(params['id']), user));
  });
}
