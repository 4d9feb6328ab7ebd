import { html, svg, type SVGTemplateResult } from 'lit';
import type { Severity } from '../../shared/rules/index.ts';

// Drawn rather than typed: ⛔ and ℹ are missing from many CJK fonts and render as boxes.
const SHAPES: Readonly<Record<Severity, SVGTemplateResult>> = {
  error: svg`<circle cx="8" cy="8" r="7" fill="currentColor"/><rect x="3.8" y="6.9" width="8.4" height="2.2" rx="0.6" fill="white"/>`,
  warning: svg`<path d="M8 1.2 15.2 14.4H0.8Z" fill="currentColor"/><rect x="7.1" y="5.4" width="1.8" height="5" rx="0.5" fill="white"/><circle cx="8" cy="12.2" r="1" fill="white"/>`,
  info: svg`<circle cx="8" cy="8" r="7" fill="currentColor"/><rect x="7.1" y="6.8" width="1.8" height="5.2" rx="0.5" fill="white"/><circle cx="8" cy="4.6" r="1.1" fill="white"/>`,
};

/** The severity's icon (no-entry sign, warning triangle, info circle) in the current text colour, 1em square, hidden from screen readers. */
export function severityIcon(severity: Severity) {
  return html`<svg class="severity-icon" viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" style="vertical-align:-0.125em;flex:none">${SHAPES[severity]}</svg>`;
}
