import * as Y from 'yjs';

/** What a decoded client update adds, for the size checks made before it is applied. */
export interface UpdateShape {
  /** Characters of text the update inserts (all strings together). */
  insertedChars: number;
  /** The Yjs client ids whose structs the update carries. */
  clients: number[];
}

// The guards of one message run one after the other on the same payload object: the last
// decode is kept, so it is decoded once, not per guard (a WeakMap cost more than the decode's
// own reuse saves on the edit path). Another message in between only costs a second decode; the
// last payload stays referenced until the next one (at most one update, bounded by maxUpdateBytes).
let last: { update: Uint8Array; shape: UpdateShape | null } | undefined;

/**
 * Decodes an update without applying it, or returns null when it is truncated or malformed. One
 * pass of Yjs' lazy struct reader, as `parseUpdateMeta` would make, gives both the structs and
 * their clients: a declared count of millions of structs is never allocated up front, the reader
 * fails at the first missing byte.
 */
export function inspectUpdate(update: Uint8Array): UpdateShape | null {
  if (last?.update !== update) last = { update, shape: decode(update) };
  return last.shape;
}

function decode(update: Uint8Array): UpdateShape | null {
  try {
    const { structs } = Y.decodeUpdate(update);
    let insertedChars = 0;
    // In order of first appearance, as parseUpdateMeta's `from` lists them (Skip structs included).
    const clients = new Set<number>();
    for (const struct of structs) {
      clients.add(struct.id.client);
      if (struct instanceof Y.Item && struct.content instanceof Y.ContentString) insertedChars += struct.content.str.length;
    }
    return { insertedChars, clients: [...clients] };
  } catch {
    return null;
  }
}
