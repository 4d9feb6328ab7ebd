/// <reference types="mocha" />
import { sendKeys } from '@web/test-runner-commands';
import type { LitElement } from 'lit';
import '../../../client/i18n/i18n.ts';
import './fail-on-console.ts';

const mounted: HTMLElement[] = [];

/** Appends `element` to the page, waits for its first render, and removes it after the test. */
export async function mount<T extends LitElement>(element: T): Promise<T> {
  document.body.append(element);
  mounted.push(element);
  await element.updateComplete;
  return element;
}

/** The element matching `selector` in `host`'s shadow root; throws (naming it) when there is none. */
export function shadowQuery<T extends Element = HTMLElement>(host: Element, selector: string): T {
  const found = host.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in <${host.localName}>`);
  return found;
}

/**
 * `data-testid` of the element that has focus (looking through shadow roots), or its tag name
 * without one. Tests compare this, never elements: chai would serialise a failing element
 * comparison with everything the element references (a whole Y.Doc), which hangs the page.
 */
export function focusedTestId(): string {
  const active = deepActiveElement();
  return active?.getAttribute('data-testid') ?? active?.localName ?? 'nothing';
}

/** The element that has focus, looking through shadow roots. */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * Resolves once `check` returns a value other than undefined/false (or stops throwing), polling
 * every animation frame; rejects with the last error after `timeout` ms. The one polling helper
 * of the component tests: nothing waits a fixed time.
 */
export async function waitFor<T>(check: () => T | undefined | false, timeout = 5_000): Promise<T> {
  const deadline = performance.now() + timeout;
  let last: unknown = new Error('condition never held');
  for (;;) {
    try {
      const value = check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (performance.now() > deadline) throw last;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** Presses `key` while `modifier` is held, through the browser's real keyboard (as a user's chord). */
export async function pressChord(modifier: 'Shift' | 'Control' | 'Alt', key: string): Promise<void> {
  await sendKeys({ down: modifier });
  await sendKeys({ press: key });
  await sendKeys({ up: modifier });
}

afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});
