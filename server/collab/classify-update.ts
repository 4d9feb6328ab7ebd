import * as Y from 'yjs';
import { MONEY_KEYS, type EditTarget } from '../../shared/access/grants.ts';
import { OVERVIEW_SECTIONS, type OverviewSection } from '../../shared/model/budget-text-schema.ts';

/** A struct the path is read from: one already in the document, or one the update brings. */
type Ref = { kind: 'doc'; item: Y.Item } | { kind: 'update'; item: Y.Item };
/** The key path from a root type down to a struct: root name, then each map key (null inside a text). */
type Path = Array<string | null>;
/** A struct under a type that was deleted and collected: Yjs turns anything placed there into garbage, a no-op. */
const GONE = 'gone' as const;

/**
 * What a client update would change, read against the document as it is now and without applying
 * anything (see README "Y.Doc layout"): every new struct and every deletion is followed up its
 * parents to a root, and the key path names the project, row and field. Structs the document
 * already has are skipped, so a reconnecting client's full state costs nothing; so are structs
 * placed under a deleted and collected type (Yjs discards them). Returns null when
 * a struct's place cannot be known (it hangs off something neither side has): such an update
 * cannot be proved inside anyone's grant.
 */
export function classifyUpdate(doc: Y.Doc, update: Uint8Array): EditTarget[] | null {
  const { structs, ds } = Y.decodeUpdate(update);
  const incoming = new Map<number, Y.Item[]>();
  for (const s of structs) if (s instanceof Y.Item) (incoming.get(s.id.client) ?? incoming.set(s.id.client, []).get(s.id.client))?.push(s);
  const paths = new Map<Y.Item, Path | typeof GONE | null>();

  const find = (id: Y.ID): Ref | typeof GONE | null => {
    const own = incoming.get(id.client)?.find((i) => id.clock >= i.id.clock && id.clock < i.id.clock + i.length);
    if (own) return { kind: 'update', item: own };
    const local = doc.store.clients.get(id.client);
    if (!local || id.clock >= Y.getState(doc.store, id.client)) return null;
    const struct = local[Y.findIndexSS(local, id.clock)];
    return struct instanceof Y.Item ? { kind: 'doc', item: struct } : struct instanceof Y.GC ? GONE : null;
  };

  const pathOf = (ref: Ref | typeof GONE, depth = 0): Path | typeof GONE | null => {
    if (ref === GONE) return GONE;
    if (paths.has(ref.item)) return paths.get(ref.item) ?? null;
    const path = depth > 16 ? null : locate(ref, depth);
    paths.set(ref.item, path);
    return path;
  };

  const below = (above: Path | typeof GONE | null, key: string | null): Path | typeof GONE | null => (above === GONE ? GONE : above && [...above, key]);

  const locate = (ref: Ref, depth: number): Path | typeof GONE | null => {
    const { item } = ref;
    if (ref.kind === 'doc') {
      const parent = item.parent as Y.AbstractType<unknown> | null;
      if (!parent) return null;
      return below(parent._item ? pathOf({ kind: 'doc', item: parent._item }, depth + 1) : [Y.findRootTypeKey(parent)], item.parentSub);
    }
    const parent = item.parent as Y.ID | string | null;
    if (typeof parent === 'string') return [parent, item.parentSub];
    if (parent instanceof Y.ID) {
      const above = find(parent);
      return below(above && pathOf(above, depth + 1), item.parentSub);
    }
    // Inside a sequence the parent is not written: it is the origin's (or right origin's) parent.
    const neighbour = item.origin ?? item.rightOrigin;
    const sibling = neighbour && find(neighbour);
    const path = sibling && pathOf(sibling, depth + 1);
    if (path === GONE || !path) return path;
    return [...path.slice(0, -1), item.parentSub ?? path[path.length - 1] ?? null];
  };

  const targets: EditTarget[] = [];
  for (const [client, items] of incoming) {
    const known = Y.getState(doc.store, client);
    for (const item of items) {
      if (item.id.clock + item.length <= known) continue;
      const path = pathOf({ kind: 'update', item });
      if (!path) return null;
      if (path !== GONE) targets.push(targetOf(path));
    }
  }
  for (const [client, ranges] of ds.clients) {
    const local = doc.store.clients.get(client);
    const known = Y.getState(doc.store, client);
    for (const { clock, len } of ranges) {
      if (clock + len > known && !incoming.has(client)) return null;
      if (!local || clock >= known) continue;
      for (let i = Y.findIndexSS(local, clock); i < local.length; i++) {
        const struct = local[i];
        if (!struct || struct.id.clock >= clock + len) break;
        if (!(struct instanceof Y.Item) || struct.deleted) continue;
        const path = pathOf({ kind: 'doc', item: struct });
        if (!path) return null;
        if (path !== GONE) targets.push(targetOf(path));
      }
    }
  }
  return targets;
}

/** The edit target of a key path (README "Y.Doc layout"). */
function targetOf(path: Path): EditTarget {
  const [root, project, field] = path;
  if (OVERVIEW_SECTIONS.includes(root as OverviewSection)) return { kind: 'section', section: root as OverviewSection };
  // A project's own entry (add, delete, replace) or its order key (a move) is the document's structure.
  if (root !== 'projects' || !project || path.length < 3 || !field || field === 'order') return { kind: 'structure' };
  return { kind: 'project', project, money: path.length === 3 && MONEY_KEYS.has(field) };
}
