/**
 * Keyboard of a WAI-ARIA menu whose items are `[role="menuitem"]` buttons under `root`:
 * ↑/↓ wrap, Home/End jump, Enter/Space activate, Esc/Tab close. The event never reaches the
 * grid or text behind the menu; keys the menu does not use keep their default action.
 */
export function handleMenuKey(event: KeyboardEvent, root: ParentNode & { activeElement?: Element | null }, close: () => void): void {
  const items = [...root.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')];
  const at = items.findIndex((b) => b === root.activeElement);
  const focus = (i: number) => items[(i + items.length) % items.length]?.focus();
  event.stopPropagation();
  switch (event.key) {
    case 'ArrowDown': focus(at + 1); break;
    case 'ArrowUp': focus(at - 1); break;
    case 'Home': focus(0); break;
    case 'End': focus(items.length - 1); break;
    case 'Escape':
    case 'Tab': close(); break;
    case 'Enter':
    case ' ': items[at]?.click(); break;
    default: return;
  }
  event.preventDefault();
}
