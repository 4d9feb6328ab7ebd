// Space between the anchor and the popover, and kept free at the viewport's edges (px).
const GAP = 4;

/**
 * Positions a fixed `popover` below `anchor` when it fits, else above it, always inside the
 * viewport. Without an anchor (or one no longer on the page) it goes to the viewport's centre.
 */
export function placePopover(popover: HTMLElement, anchor: HTMLElement | null): void {
  const { width, height } = popover.getBoundingClientRect();
  if (!anchor?.isConnected) {
    popover.style.left = `${Math.round(Math.max(GAP, (window.innerWidth - width) / 2))}px`;
    popover.style.top = `${Math.round(Math.max(GAP, (window.innerHeight - height) / 3))}px`;
    return;
  }
  const box = anchor.getBoundingClientRect();
  const below = box.bottom + GAP + height <= window.innerHeight - GAP || box.top - GAP - height < GAP;
  const top = below ? box.bottom + GAP : box.top - GAP - height;
  const left = Math.max(GAP, Math.min(box.left, window.innerWidth - width - GAP));
  popover.style.top = `${Math.round(Math.max(GAP, top))}px`;
  popover.style.left = `${Math.round(left)}px`;
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
