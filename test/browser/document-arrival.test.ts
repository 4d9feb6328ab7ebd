import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makeLargeBudgetText } from '../fixtures/make-large-budget-text.ts';
import { api } from '../helpers/test-server.ts';
import { UI_TIMEOUT, useBrowserHarness } from '../helpers/browser-harness.ts';

/**
 * Installed before the page's scripts: in every animation frame, notes the problem counts the
 * header shows (`__counts`, each distinct text once, in order), the connection badge's text
 * (`__badges`, likewise) and the header's height once the whole document is there
 * (`__loadedHeights`, each distinct height once).
 */
const WATCH_HEADER = `(() => {
  window.__counts = [];
  window.__loadedHeights = [];
  window.__badges = [];
  const frame = () => {
    const root = document.querySelector('jixiao-app')?.shadowRoot?.querySelector('budget-document')?.shadowRoot;
    const badge = root?.querySelector('sync-status')?.shadowRoot?.querySelector('[data-testid="sync-status"]')?.textContent ?? null;
    if (badge !== null && window.__badges.at(-1) !== badge) window.__badges.push(badge);
    const counts = root?.querySelector('[data-testid="problems-toggle"]');
    const text = counts ? ['error', 'warning', 'info'].map((s) => counts.querySelector('[data-testid="problems-count-' + s + '"]')?.textContent?.trim()).join(' / ') : null;
    if (text !== null && window.__counts.at(-1) !== text) window.__counts.push(text);
    const grid = root?.querySelector('indicator-grid')?.shadowRoot?.querySelector('[role="grid"]');
    const height = Math.round(root?.querySelector('header')?.getBoundingClientRect().height ?? 0);
    if (grid?.getAttribute('aria-readonly') === 'false' && window.__loadedHeights.at(-1) !== height) window.__loadedHeights.push(height);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;

/** A new document (12 × 20 unless given), opened by its owner in a new context with the header watched from the start. */
async function openNewDocWatched(h: ReturnType<typeof useBrowserHarness>, projects = 12, rows = 20): Promise<Page> {
  const owner = await h.server.tokenFor('alice', 'owner', '张三');
  const id = ((await api(h.server, 'POST', '/api/docs', { token: owner, body: makeLargeBudgetText(projects, rows) })).body as { id: string }).id;
  return openWatched(h, id, owner);
}

async function openWatched(h: ReturnType<typeof useBrowserHarness>, docId: string, token: string): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width: 1400, height: 1000 } });
  h.contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(UI_TIMEOUT);
  page.on('pageerror', (e) => h.pageErrors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && h.pageErrors.push(m.text()));
  await page.addInitScript(WATCH_HEADER);
  await page.goto(`${h.server.url}/docs/${docId}#token=${token}`);
  return page;
}

describe('while a document arrives', () => {
  const h = useBrowserHarness();

  it('the problem counts say … until the document is checked, then its own counts, never another state’s', async () => {
    const page = await openNewDocWatched(h);
    // The review's arrival (threads, role) is the last step of opening: the counts are final by then.
    await page.locator('[data-testid="review-toggle"]').waitFor();
    await expect.poll(() => page.locator('[data-testid="problems-count-error"]').textContent(), { timeout: UI_TIMEOUT }).not.toContain('…');
    await page.waitForTimeout(500);
    const final = await page.evaluate(() => (window as unknown as { __counts: string[] }).__counts.at(-1));
    expect(final).toMatch(/\d/);
    // Before: an empty document's check (4 errors, 1 note) or none at all (0 / 0 / 0) showed for
    // a moment after the load, as if they were this document's.
    const seen = await page.evaluate(() => (window as unknown as { __counts: string[] }).__counts);
    expect(seen.filter((s) => s !== final && !/^(\S*\s*…\s*\/\s*){2}\S*\s*…$/.test(s))).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });

  it('the header keeps its height when the review and the person’s role arrive', async () => {
    const page = await openNewDocWatched(h);
    // The owner's role brings the workflow buttons and 以此为基础新建下一年度文本 into the header.
    await page.locator('next-year-button').waitFor();
    await page.waitForTimeout(300);
    const heights = await page.evaluate(() => (window as unknown as { __loadedHeights: number[] }).__loadedHeights);
    // Before, the toolbar took the width it wanted and squeezed the title's column: the header
    // grew by ~130 px (title, year and sums each wrapped), pushing the document down.
    expect(Math.max(...heights) - Math.min(...heights)).toBeLessThan(40);
    expect(h.pageErrors).toEqual([]);
  });

  it('the connection badge never says 保存中… while nothing is typed', async () => {
    // A large document: its first visit shows a first screen, then decodes the state for a while.
    const page = await openNewDocWatched(h, 50, 30);
    await page.locator('[data-testid="sync-status"][data-state="synced"]').waitFor();
    await page.waitForTimeout(300);
    const badges = await page.evaluate(() => (window as unknown as { __badges: string[] }).__badges);
    // Before, Hocuspocus' count of the handshake showed 已连接 · 保存中… for ~100–150 ms after the load.
    expect(badges.filter((b) => b.includes('保存中'))).toEqual([]);
    expect(badges.at(-1)).toBe('已连接 · 已保存');
    expect(h.pageErrors).toEqual([]);
  });
});
