import type { Extension, beforeSyncPayload } from '@hocuspocus/server';
import { describeTarget, isRestricted, mayEdit } from '../../shared/access/grants.ts';
import { encodeRefusalMessage } from '../../shared/access/refusal-message.ts';
import { CLOSE_CODES } from '../../shared/limits.ts';
import type { CollabContext } from '../collab-context.ts';
import { classifyUpdate } from '../collab/classify-update.ts';
import { refuseConnection } from '../collab/refuse-connection.ts';
import type { OrgService } from '../orgs/org-service.ts';

const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

/**
 * Edit rights per project, field and section, enforced on every update before anything is
 * applied or stored: the update is read against the document as it is now
 * (server/collab/classify-update.ts) and, if any part of it lies outside the writer's grants,
 * refused whole — the writer is told what (stateless `{"type":"refused", targets}`) and the
 * connection closed (4406), so neither the server nor anyone else ever sees it. Grants are read
 * per update, so a change of grants applies to open connections at once. Writers whose role may
 * change everything (owners; editors while nobody holds a grant) cost nothing.
 */
export class GrantExtension implements Extension {
  priority = 130;
  private readonly orgs: OrgService;

  constructor(orgs: OrgService) {
    this.orgs = orgs;
  }

  async beforeSync({ type, payload, connection, context, document, documentName }: beforeSyncPayload<CollabContext>): Promise<void> {
    if ((type !== SYNC_STEP2 && type !== SYNC_UPDATE) || connection.readOnly || payload.length <= 2) return;
    const { role, sub } = context.user;
    // Owners change everything: no read of the grants (a round trip on PostgreSQL) for them.
    if (role === 'owner') return;
    // The usual case answers from the cache without an await; a first read goes to the store.
    const view = this.orgs.cachedGrantView(documentName, sub) ?? (await this.orgs.grantView(documentName, sub));
    if (!isRestricted(role, view)) return;
    const targets = classifyUpdate(document, payload);
    const outside = targets === null ? ['unknown'] : targets.filter((t) => !mayEdit(role, view, t)).map(describeTarget);
    if (outside.length === 0) return;
    connection.sendStateless(encodeRefusalMessage(outside));
    refuseConnection(connection, CLOSE_CODES.OUTSIDE_GRANT, `update from ${sub}: outside the grant (${[...new Set(outside)].slice(0, 5).join(', ')})`);
  }
}
