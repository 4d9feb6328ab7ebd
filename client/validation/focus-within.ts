/**
 * Focuses the first form control of `target` — the element itself, or the input, textarea or
 * select inside it or inside its shadow root (an `<amount-field>`, a `<ytext-area>`). Returns
 * false when there is none.
 */
export function focusWithin(target: HTMLElement): boolean {
  const control = target.matches('input, textarea, select')
    ? target
    : (target.shadowRoot ?? target).querySelector<HTMLElement>('input, textarea, select') ??
      target.querySelector<HTMLElement>('input, textarea, select');
  if (!control) return false;
  control.focus({ preventScroll: true });
  return true;
}
