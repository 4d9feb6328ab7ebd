import { obstacleBoxes } from '../popup/popover-obstacles.ts';

// Space between the anchor and the popover, and kept free at the viewport's edges (px).
const GAP = 4;

/** A rectangle of the viewport (px from its top left). */
interface Area {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * The part of the viewport around `box` that no obstacle takes: a header above the anchor
 * lowers the top, one below raises the bottom, a panel beside it narrows the sides.
 */
function freeArea(box: DOMRect, obstacles: readonly DOMRect[]): Area {
  const area = { left: GAP, top: GAP, right: window.innerWidth - GAP, bottom: window.innerHeight - GAP };
  for (const r of obstacles) {
    if (r.left < box.right && r.right > box.left) {
      if (r.top + r.bottom <= box.top + box.bottom) area.top = Math.max(area.top, r.bottom + GAP);
      else area.bottom = Math.min(area.bottom, r.top - GAP);
    } else if (r.left >= box.right) area.right = Math.min(area.right, r.left - GAP);
    else area.left = Math.max(area.left, r.right + GAP);
  }
  return area;
}

// `start` moved into [min, max - size]; at `min` when the space is too small.
const clamp = (start: number, size: number, min: number, max: number) => Math.max(min, Math.min(start, max - size));

/**
 * Positions a fixed `popover` below `anchor` when it fits, else above it, inside the viewport and
 * clear of the sticky headers and side panel (`PopoverObstacles`); where neither fits, on the
 * roomier side, its height cut to the room there. Without an anchor (or one no longer on the page) it goes to the viewport's centre.
 */
export function placePopover(popover: HTMLElement, anchor: HTMLElement | null): void {
  popover.style.maxHeight = '';
  const { width, height } = popover.getBoundingClientRect();
  if (!anchor?.isConnected) {
    popover.style.left = `${Math.round(Math.max(GAP, (window.innerWidth - width) / 2))}px`;
    popover.style.top = `${Math.round(Math.max(GAP, (window.innerHeight - height) / 3))}px`;
    return;
  }
  const box = anchor.getBoundingClientRect();
  const area = freeArea(box, obstacleBoxes(anchor));
  const spaceBelow = area.bottom - box.bottom - GAP;
  const spaceAbove = box.top - GAP - area.top;
  const below = height <= spaceBelow || (height > spaceAbove && spaceBelow >= spaceAbove);
  // Where neither side has room, the popover shrinks (and scrolls) rather than cover a header or its anchor.
  const room = Math.max(below ? spaceBelow : spaceAbove, 0);
  if (height > room) {
    const style = getComputedStyle(popover);
    // max-height counts the content box: leave room for padding and border.
    const frame = style.boxSizing === 'border-box' ? 0 : height - parseFloat(style.height);
    popover.style.maxHeight = `${Math.max(0, Math.floor(room - frame))}px`;
  }
  const shown = Math.min(height, room);
  const top = below ? Math.max(box.bottom + GAP, area.top) : Math.min(box.top - GAP, area.bottom) - shown;
  popover.style.top = `${Math.round(top)}px`;
  popover.style.left = `${Math.round(clamp(box.left, width, area.left, area.right))}px`;
}

/** Calls `place` while the page scrolls or resizes; returns the function that stops it. */
export function followViewport(place: () => void): () => void {
  window.addEventListener('scroll', place, { capture: true, passive: true });
  window.addEventListener('resize', place, { passive: true });
  return () => {
    window.removeEventListener('scroll', place, { capture: true });
    window.removeEventListener('resize', place);
  };
}
