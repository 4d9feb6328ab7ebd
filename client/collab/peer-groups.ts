import type { Peer } from './peer.ts';

/**
 * Splits the people in a document by where they work (a project, a narrative section) and hands
 * out the same array object for a place as long as its people and their cursors did not change,
 * so an awareness change re-renders only the grids and sections it concerns (Lit compares
 * properties by identity).
 */
export class PeerGroups {
  #groups = new Map<string, { signature: string; peers: Peer[] }>();
  readonly #empty: Peer[] = [];

  /** Regroups after an awareness change; `selfClientId`'s own entry is left out of every group. */
  update(peers: readonly Peer[], selfClientId: number): void {
    const next = new Map<string, Peer[]>();
    for (const p of peers) {
      if (p.clientId === selfClientId || !p.cursor) continue;
      const key = 'section' in p.cursor ? `section:${p.cursor.section}` : `project:${p.cursor.project}`;
      next.set(key, [...(next.get(key) ?? []), p]);
    }
    const groups = new Map<string, { signature: string; peers: Peer[] }>();
    for (const [key, list] of next) {
      const signature = JSON.stringify(list);
      const old = this.#groups.get(key);
      groups.set(key, old && old.signature === signature ? old : { signature, peers: list });
    }
    this.#groups = groups;
  }

  /** Colleagues working in project `id` (stable identity while unchanged). */
  inProject(id: string): readonly Peer[] {
    return this.#groups.get(`project:${id}`)?.peers ?? this.#empty;
  }

  /** Colleagues working in narrative section `section`. */
  inSection(section: string): readonly Peer[] {
    return this.#groups.get(`section:${section}`)?.peers ?? this.#empty;
  }
}
