import type { Identity } from './auth/tokens.ts';
import type { DocStatus, Role } from '../shared/review/workflow.ts';

/** What a collaboration connection knows about its user once authenticated (Hocuspocus `context`). */
export interface CollabContext {
  /** The person as shown in presence: their role on this document. */
  user: Omit<Identity, 'role'> & { role: Role; color: string };
  /** The verified token's identity (organisation and token role), for re-evaluating access later. */
  identity: Identity;
  /** The document id of the socket's URL (`/collab/<id>`), if it carried one. */
  urlDocId?: string;
  /** When the connection's token expires (seconds since the epoch); the socket closes then (4401). */
  expiresAt?: number;
  /** The document's workflow status when the connection opened. */
  status?: DocStatus;
  /** The first awareness clientID this connection used; others are dropped. */
  awarenessClientId?: number;
}

/** Origin used for server-side transactions (loading, migrations, API writes). */
export const SERVER_ORIGIN = { source: 'local' as const, context: { server: true } };
