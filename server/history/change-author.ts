import type { CollabContext } from '../collab-context.ts';

/** Who a change is attributed to when no verified user made it (e.g. a migration on load). */
export const SYSTEM_AUTHOR = { sub: 'system', name: '系统' };

/**
 * The verified author of a transaction: the user of the connection it came from, or the user a
 * server-side change (restore, accepted suggestion) was made for. Never what a client claims.
 */
export function changeAuthor(origin: unknown): { sub: string; name: string } {
  const o = origin as { source?: string; connection?: { context?: Partial<CollabContext> }; context?: { user?: { sub: string; name: string } } } | null;
  const user = o?.source === 'connection' ? o.connection?.context?.user : o?.context?.user;
  return user ? { sub: user.sub, name: user.name } : SYSTEM_AUTHOR;
}

/** The reviewer whose accepted suggestion a server-side change applies, if any. */
export function changeSuggester(origin: unknown): { sub: string; name: string } | undefined {
  const o = origin as { source?: string; context?: { suggestedBy?: { sub: string; name: string } } } | null;
  const by = o?.source === 'local' ? o.context?.suggestedBy : undefined;
  return by ? { sub: by.sub, name: by.name } : undefined;
}
