import type { ReactiveElement } from 'lit';
import { ViewportWatch } from './viewport-watch.ts';

/**
 * Marks the rendered elements matching `selector` that are farther than `margin` from the
 * viewport with a `far` attribute, so CSS can let the browser skip their layout and paint
 * (`content-visibility: auto`) while they are out of sight. Only far ones: that property also
 * contains the element's painting and fixed positioning, which would clip a menu or popover
 * opened inside a project on screen. A 1,500-row document scrolled through once laid out every
 * project on every keystroke (bench README, tenth pass).
 */
export class FarController {
  constructor(host: ReactiveElement, selector: string, margin: string) {
    new ViewportWatch(host, selector, margin, (entries) => {
      for (const entry of entries) entry.target.toggleAttribute('far', !entry.isIntersecting);
    });
  }
}
