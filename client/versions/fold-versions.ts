import type { VersionMeta } from '../api/version-schemas.ts';

/** A named version (manual, restore or status) with the automatic versions folded under it. */
export interface VersionGroup {
  /** The named version; null for automatic versions newer than every named one. */
  named: VersionMeta | null;
  /** Automatic versions taken since the previous named one, up to this one, newest first. */
  autos: VersionMeta[];
}

/**
 * Folds a newest-first version list: each named version carries the automatic versions taken
 * before it (back to the previous named one), the work that led up to it; automatic versions
 * newer than every named one come first, in a group of their own.
 */
export function foldVersions(versions: readonly VersionMeta[]): VersionGroup[] {
  const groups: VersionGroup[] = [];
  let open: VersionGroup | null = null;
  for (const v of versions) {
    if (v.kind !== 'auto') groups.push((open = { named: v, autos: [] }));
    else if (open) open.autos.push(v);
    else groups.push((open = { named: null, autos: [v] }));
  }
  return groups;
}
