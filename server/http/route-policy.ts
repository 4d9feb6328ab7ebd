import type { IncomingMessage } from 'node:http';
import { may, rolesFor, ROUTE_RULES } from '../../shared/access/policy.ts';
import { JixiaoError } from '../../shared/errors.ts';
import type { SigningKey } from '../auth/tokens.ts';
import type { AccessService } from '../review/access-service.ts';
import { forbidden } from '../review/access-service.ts';
import { parseDocId } from './doc-id.ts';
import { authenticate } from './http-kit.ts';
import type { Params } from './router.ts';

/**
 * The check every API request passes before its handler, from the one table of
 * `shared/access/policy.ts`: a route without a rule is refused (so a route added later cannot be
 * open by mistake); a document route answers 404 for a document out of the caller's reach and 403
 * for a role the table does not allow. Handlers then make the finer checks (workflow status,
 * separation of duties, grants).
 */
export function createRouteGuard(key: SigningKey, access: AccessService): (req: IncomingMessage, route: string, params: Params) => Promise<void> {
  return async (req, route, params) => {
    const rule = ROUTE_RULES[route];
    if (!rule) throw new JixiaoError({ code: 'FORBIDDEN', zh: '该接口没有访问规则', en: 'This route has no access rule', details: { route } });
    if (rule.scope === 'public') return;
    const user = await authenticate(key, req);
    await access.orgs.noteSeen(user);
    if (rule.scope === 'document') {
      await access.require(parseDocId(params['id']), user, rolesFor(rule.action));
      return;
    }
    if (rule.action && !may(user.role, rule.action)) throw forbidden();
  };
}
