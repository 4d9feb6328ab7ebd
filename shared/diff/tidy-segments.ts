import type { TextSegment } from './budget-diff.ts';

/** A run kept in both texts, or one edit: what was deleted and what was inserted in its place. */
type Block = { equal: string } | { deleted: string; inserted: string };

// a number's digits with any decimal point inside it, so "8.5" moves whole but "1." of "1.规范" keeps its dot
const DIGITS_AT_END = /(?:[0-9０-９]+[.．])*[0-9０-９]*$/u;
const DIGITS_AT_START = /^[0-9０-９]*(?:[.．][0-9０-９]+)*/u;
const isDigit = (ch: string | undefined) => ch !== undefined && /[0-9０-９]/u.test(ch);

/**
 * Makes a character diff readable without changing what it rebuilds: a kept run no longer than
 * the edits on both sides is folded into them (the cleanup of diff-match-patch, so 45 → 50 reads
 * "-45 +50", not "-4 5 +0"), and an edit touching a number takes in the whole number (2025 → 2026
 * reads "-2025 +2026", not "202 -5 +6"). Deletions come before insertions within an edit.
 */
export function tidySegments(segments: readonly TextSegment[]): TextSegment[] {
  const blocks = toBlocks(segments);
  for (let i = 1; i < blocks.length - 1; i++) {
    const left = blocks[i - 1];
    const kept = blocks[i];
    const right = blocks[i + 1];
    if (!left || !kept || !right || !('equal' in kept) || 'equal' in left || 'equal' in right) continue;
    const n = kept.equal.length;
    if (n > Math.max(left.deleted.length, left.inserted.length) || n > Math.max(right.deleted.length, right.inserted.length)) continue;
    blocks.splice(i - 1, 3, { deleted: left.deleted + kept.equal + right.deleted, inserted: left.inserted + kept.equal + right.inserted });
    i = Math.max(0, i - 3); // the merged edit may now swallow the run before it
  }
  blocks.forEach((block, i) => {
    if ('equal' in block) return;
    const before = blocks[i - 1];
    const after = blocks[i + 1];
    if (before && 'equal' in before && (isDigit(block.deleted[0]) || isDigit(block.inserted[0]))) {
      const digits = DIGITS_AT_END.exec(before.equal)?.[0] ?? '';
      before.equal = before.equal.slice(0, before.equal.length - digits.length);
      block.deleted = digits + block.deleted;
      block.inserted = digits + block.inserted;
    }
    if (after && 'equal' in after && (isDigit(block.deleted.at(-1)) || isDigit(block.inserted.at(-1)))) {
      const digits = DIGITS_AT_START.exec(after.equal)?.[0] ?? '';
      after.equal = after.equal.slice(digits.length);
      block.deleted += digits;
      block.inserted += digits;
    }
  });
  return toSegments(blocks);
}

function toBlocks(segments: readonly TextSegment[]): Block[] {
  const blocks: Block[] = [];
  for (const { kind, text } of segments) {
    const last = blocks.at(-1);
    if (kind === 'equal') blocks.push({ equal: text });
    else if (last && !('equal' in last)) last[kind === 'delete' ? 'deleted' : 'inserted'] += text;
    else blocks.push(kind === 'delete' ? { deleted: text, inserted: '' } : { deleted: '', inserted: text });
  }
  return blocks;
}

function toSegments(blocks: readonly Block[]): TextSegment[] {
  // a kept run emptied by the number rule leaves two edits side by side: show them as one
  const merged: Block[] = [];
  for (const block of blocks) {
    const last = merged.at(-1);
    if ('equal' in block) {
      if (block.equal) merged.push(block);
    } else if (last && !('equal' in last)) {
      last.deleted += block.deleted;
      last.inserted += block.inserted;
    } else merged.push(block);
  }
  const segments: TextSegment[] = [];
  for (const block of merged) {
    if ('equal' in block) segments.push({ kind: 'equal', text: block.equal });
    else {
      if (block.deleted) segments.push({ kind: 'delete', text: block.deleted });
      if (block.inserted) segments.push({ kind: 'insert', text: block.inserted });
    }
  }
  return segments;
}
