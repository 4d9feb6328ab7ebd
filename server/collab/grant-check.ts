import type { beforeSyncPayload } from '@hocuspocus/server';
import { describeTarget, isRestricted, mayEdit, type GrantView } from '../../shared/access/grants.ts';
import { encodeRefusalMessage } from '../../shared/access/refusal-message.ts';
import { CLOSE_CODES } from '../../shared/limits.ts';
import type { CollabContext } from '../collab-context.ts';
import { classifyUpdate } from './classify-update.ts';
import { refuseConnection } from './refuse-connection.ts';
import type { OrgService } from '../orgs/org-service.ts';
import { bringsContent } from '../extensions/update-gate-extension.ts';

/**
 * Edit rights per project, field and section, enforced on every update before anything is
 * applied or stored: the update is read against the document as it is now
 * (server/collab/classify-update.ts) and, if any part of it lies outside the writer's grants,
 * refused whole — the writer is told what (stateless `{"type":"refused", targets}`) and the
 * connection closed (4406), so neither the server nor anyone else ever sees it. Grants are read
 * per update, so a change of grants applies to open connections at once. Writers whose role may
 * change everything (owners; editors while nobody holds a grant) cost nothing.
 */
export class GrantCheck {
  private readonly orgs: OrgService;

  constructor(orgs: OrgService) {
    this.orgs = orgs;
  }

  /** The grant step of every incoming update (UpdateGateExtension); waits only for a first read of the grants. */
  checkUpdate(update: beforeSyncPayload<CollabContext>): void | Promise<void> {
    if (!bringsContent(update)) return;
    const { context, documentName } = update;
    const { role, sub } = context.user;
    // Owners change everything: no read of the grants (a round trip on PostgreSQL) for them.
    if (role === 'owner') return;
    // The usual case answers from the cache without a promise; a first read goes to the store.
    const cached = this.orgs.cachedGrantView(documentName, sub);
    if (cached) return this.check(update, cached);
    return this.orgs.grantView(documentName, sub).then((view) => this.check(update, view));
  }

  private check({ payload, connection, context, document }: beforeSyncPayload<CollabContext>, view: GrantView): void {
    const { role, sub } = context.user;
    if (!isRestricted(role, view)) return;
    const targets = classifyUpdate(document, payload);
    const outside = targets === null ? ['unknown'] : targets.filter((t) => !mayEdit(role, view, t)).map(describeTarget);
    if (outside.length === 0) return;
    connection.sendStateless(encodeRefusalMessage(outside));
    refuseConnection(connection, CLOSE_CODES.OUTSIDE_GRANT, `update from ${sub}: outside the grant (${[...new Set(outside)].slice(0, 5).join(', ')})`);
  }
}
