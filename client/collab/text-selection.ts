import * as Y from 'yjs';
import type { RelativePositionJson } from './peer.ts';

/*
 * Text selections as Yjs relative positions, so a caret published in awareness stays between the
 * same two characters while anyone types before it.
 */

/** The selection `[anchor, head]` (indices into `text`) as JSON relative positions for awareness. */
export function encodeTextSelection(text: Y.Text, anchor: number, head: number): { anchor: RelativePositionJson; head: RelativePositionJson } {
  const encode = (index: number) => Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, index)) as RelativePositionJson;
  return { anchor: encode(anchor), head: encode(head) };
}

/** The current index of a relative position in `text`, or null when it does not point into it. */
export function decodeTextPosition(doc: Y.Doc, text: Y.Text, json: RelativePositionJson | undefined): number | null {
  if (!json) return null;
  try {
    const abs = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(json), doc);
    return abs && abs.type === text ? Math.min(abs.index, text.length) : null;
  } catch {
    // A peer sent a position of an item this doc has not received yet (or garbage): show no caret.
    return null;
  }
}
