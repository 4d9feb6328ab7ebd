import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

// axe-core's browser bundle, injected into the page under test (read once per test file).
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One axe-core violation as a line a reader can act on: rule, help text, the elements it found. */
type ViolationLine = string;

/**
 * Runs axe-core (WCAG 2.x A and AA rules) on what `page` shows and returns its serious and
 * critical violations, one line each; an empty list means none. axe looks into open shadow roots,
 * so the Lit elements' content is checked too. `include` limits the check to matching elements.
 */
export async function seriousA11yViolations(page: Page, include?: string): Promise<ViolationLine[]> {
  // evaluate, not a script tag: the page's Content-Security-Policy must stay as strict as it is.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (selector) => {
    type AxeResult = { violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> };
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResult> } }).axe;
    const result = await axe.run(selector ? { include: [selector] } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  }, include ?? null);
}
