import * as Y from 'yjs';

/** The schema's limit on one text (`BudgetTextSchema`): no section or cell may grow past it. */
export const MAX_TEXT_CHARS = 200_000;

/** An upper bound of the longest text in each live document, kept as transactions change texts. */
const longest = new WeakMap<Y.Doc, number>();

/**
 * Whether applying `update` (which inserts `insertedChars` characters) to the live `doc` would
 * leave one of its texts longer than the schema allows. A running total, not a per-update cap:
 * many small updates must not grow a section past the limit either. The common case costs one
 * comparison against a bound kept up to date from each transaction's changed texts; only when
 * a text comes near the limit is the update applied to a copy and measured.
 */
export function wouldOverflowText(doc: Y.Doc, update: Uint8Array, insertedChars: number): boolean {
  if (insertedChars === 0) return false;
  if (!longest.has(doc)) track(doc);
  if ((longest.get(doc) ?? 0) + insertedChars <= MAX_TEXT_CHARS) return false;
  const before = longestText(doc, doc);
  longest.set(doc, before);
  if (before + insertedChars <= MAX_TEXT_CHARS) return false;
  const copy = new Y.Doc();
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    Y.applyUpdate(copy, update);
    // A text already longer (stored before this limit existed) may shrink, never grow.
    return longestText(copy, doc) > Math.max(MAX_TEXT_CHARS, before);
  } finally {
    copy.destroy();
  }
}

function track(doc: Y.Doc): void {
  longest.set(doc, longestText(doc, doc));
  doc.on('afterTransaction', noteLongest);
}

/** Every tracked document's listener: one function, so what V8 learns running it serves every document. */
function noteLongest(tr: Y.Transaction): void {
  let bound = longest.get(tr.doc) ?? 0;
  for (const type of tr.changed.keys()) if (type instanceof Y.Text) bound = Math.max(bound, type.length);
  longest.set(tr.doc, bound);
}

/** The length of the longest text in `doc`, whose root types are named and typed as in `shape`. */
function longestText(doc: Y.Doc, shape: Y.Doc): number {
  let max = 0;
  const visit = (type: unknown): void => {
    if (type instanceof Y.Text) max = Math.max(max, type.length);
    else if (type instanceof Y.Map) for (const value of type.values()) visit(value);
    else if (type instanceof Y.Array) for (const value of type) visit(value);
  };
  for (const [name, root] of shape.share) {
    const Type = root instanceof Y.Map ? Y.Map : root instanceof Y.Array ? Y.Array : root instanceof Y.Text ? Y.Text : null;
    if (Type) visit(doc.get(name, Type as typeof Y.Map));
  }
  return max;
}
