import * as Y from 'yjs';

/** What a decoded client update adds, for the size checks made before it is applied. */
export interface UpdateShape {
  /** Characters of text the update inserts (all strings together). */
  insertedChars: number;
  /** The Yjs client ids whose structs the update carries. */
  clients: number[];
}

// Every guard of one message gets the same payload object: it is decoded once, not per guard.
const decoded = new WeakMap<Uint8Array, UpdateShape | null>();

/**
 * Decodes an update without applying it, or returns null when it is truncated or malformed.
 * parseUpdateMeta first rejects the cheap bombs (an update declaring millions of structs) before
 * the full decode would allocate for them.
 */
export function inspectUpdate(update: Uint8Array): UpdateShape | null {
  if (decoded.has(update)) return decoded.get(update) ?? null;
  const shape = decode(update);
  decoded.set(update, shape);
  return shape;
}

function decode(update: Uint8Array): UpdateShape | null {
  try {
    const { from } = Y.parseUpdateMeta(update);
    const { structs } = Y.decodeUpdate(update);
    let insertedChars = 0;
    for (const struct of structs) {
      if (struct instanceof Y.Item && struct.content instanceof Y.ContentString) insertedChars += struct.content.str.length;
    }
    return { insertedChars, clients: [...from.keys()] };
  } catch {
    return null;
  }
}
