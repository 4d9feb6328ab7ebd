import type { Peer } from '../collab/peer.ts';

/**
 * A stable colour for a person, the same the server gives their presence
 * (`server/auth/demo-users.ts` `colorForUser`), so a reviewer's suggestions have their colour
 * even while they are not in the document.
 */
export function colorForSub(sub: string): string {
  let h = 0;
  for (const ch of sub) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return `hsl(${h % 360} 70% 42%)`;
}

/** The colour to show `sub`'s suggestions in: their presence colour when they are here, else {@link colorForSub}. */
export function personColor(sub: string, peers: readonly Peer[]): string {
  return peers.find((p) => p.sub === sub)?.color ?? colorForSub(sub);
}
