/** A character edit: delete `deleteCount` characters at `index`, then insert `insert` there. */
export interface TextEdit {
  index: number;
  deleteCount: number;
  insert: string;
}

/**
 * The single edit that turns `before` into `after`, given that the caret ended at `caret` in
 * `after`. Prefix/suffix diffing alone is ambiguous inside repeated characters ("aa" → "aaa");
 * the caret says where the user actually typed, so a colleague's caret next to it maps right.
 * Null when nothing changed.
 */
export function diffWithCaret(before: string, after: string, caret: number): TextEdit | null {
  if (before === after) return null;
  // Text after the caret cannot have been typed, so the common suffix may not reach past it.
  const maxSuffix = Math.min(before.length, Math.max(0, after.length - caret));
  let suffix = 0;
  while (suffix < maxSuffix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  const maxPrefix = Math.min(before.length, after.length) - suffix;
  let prefix = 0;
  while (prefix < maxPrefix && before[prefix] === after[prefix]) prefix++;
  return { index: prefix, deleteCount: before.length - prefix - suffix, insert: after.slice(prefix, after.length - suffix) };
}

/** One operation of a Y.Text change delta. */
export interface DeltaOp {
  insert?: unknown;
  retain?: number;
  delete?: number;
}

/**
 * Where position `index` of the old text lies after a change described by `delta`. Text
 * inserted exactly at `index` goes before it when `assoc` is 1 and after it when `assoc` is -1
 * (the caret stays in front of a colleague's new characters).
 */
export function mapIndexThroughDelta(index: number, delta: readonly DeltaOp[], assoc: -1 | 1 = -1): number {
  let oldPos = 0;
  let mapped = index;
  for (const op of delta) {
    if (oldPos > index || (oldPos === index && assoc < 0 && op.insert !== undefined)) break;
    if (op.retain !== undefined) {
      oldPos += op.retain;
    } else if (op.delete !== undefined) {
      mapped -= Math.min(op.delete, index - oldPos);
      oldPos += op.delete;
    } else if (op.insert !== undefined) {
      mapped += typeof op.insert === 'string' ? op.insert.length : 1;
    }
  }
  return mapped;
}
