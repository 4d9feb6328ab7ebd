/*
 * The mirror of a textarea that shows colleagues' carets and selections: the same text, laid out
 * exactly like the textarea's (same font, width and wrapping) but transparent, cut into runs
 * so each colleague's selection gets their colour and each caret sits between two characters.
 */

/** A colleague's selection in a text: indices into the current text, `head` being the caret. */
export interface TextMark {
  clientId: number;
  name: string;
  color: string;
  anchor: number;
  head: number;
}

/** One run of the mirror: text (highlighted in `color` when inside a selection) or a caret. */
export type OverlaySegment = { kind: 'text'; text: string; color: string | null } | { kind: 'caret'; mark: TextMark };

/**
 * Cuts `text` at every selection edge and caret. Where selections overlap, the first mark's
 * colour wins; carets at one place keep the marks' order. Positions outside the text are clamped.
 */
export function overlaySegments(text: string, marks: readonly TextMark[]): OverlaySegment[] {
  const clamp = (i: number) => Math.max(0, Math.min(text.length, i));
  const clamped = marks.map((m) => ({ ...m, anchor: clamp(m.anchor), head: clamp(m.head) }));
  const cuts = [...new Set([0, text.length, ...clamped.flatMap((m) => [m.anchor, m.head])])].sort((a, b) => a - b);
  const out: OverlaySegment[] = [];
  cuts.forEach((at, i) => {
    for (const mark of clamped) if (mark.head === at) out.push({ kind: 'caret', mark });
    const next = cuts[i + 1];
    if (next === undefined || next === at) return;
    const cover = clamped.find((m) => Math.min(m.anchor, m.head) <= at && Math.max(m.anchor, m.head) >= next);
    out.push({ kind: 'text', text: text.slice(at, next), color: cover?.color ?? null });
  });
  return out;
}
