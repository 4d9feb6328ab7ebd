import type { Page, WebSocketRoute } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makeLargeBudgetText } from '../fixtures/make-large-budget-text.ts';
import { api } from '../helpers/test-server.ts';
import { UI_TIMEOUT, typeIntoCell, useBrowserHarness } from '../helpers/browser-harness.ts';

/**
 * Installed before the page's scripts: notes, in every animation frame, whether the first grid
 * shows read-only. The owner here may edit, so only a first screen shows it so.
 */
const WATCH_READ_ONLY_GRID = `(() => {
  window.__sawReadOnlyGrid = false;
  const frame = () => {
    const root = document.querySelector('jixiao-app')?.shadowRoot?.querySelector('budget-document')?.shadowRoot;
    const grid = root?.querySelector('indicator-grid')?.shadowRoot?.querySelector('[role="grid"]');
    if (grid?.getAttribute('aria-readonly') === 'true') window.__sawReadOnlyGrid = true;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;

/** Bytes every first-screen stateless message carries (shared/sync/first-screen-message.ts). */
const FIRST_SCREEN_MARK = Buffer.from('"type":"first-screen"');

/**
 * Sits between the page and the server on every collab socket: passes everything on, except that
 * once a first screen has reached the page, what the server sends after it waits until
 * `release()`, as a slow network's SyncStep2 would. Counts the first screens the page received.
 */
async function interceptCollab(page: Page) {
  const seen = { firstScreens: 0 };
  let holding = false;
  const held: Array<() => void> = [];
  await page.routeWebSocket(/\/collab\//, (ws: WebSocketRoute) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => server.send(message));
    server.onMessage((message) => {
      const deliver = () => ws.send(message);
      if (holding) return void held.push(deliver);
      deliver();
      if (typeof message !== 'string' && message.includes(FIRST_SCREEN_MARK)) {
        seen.firstScreens++;
        holding = true;
      }
    });
  });
  return {
    seen,
    release: () => {
      holding = false;
      held.splice(0).forEach((deliver) => deliver());
    },
  };
}

describe('the first visit of a large document', () => {
  const h = useBrowserHarness();

  it('shows the first screen read-only before the rest arrives, then the whole document, editable; a second visit needs none', async () => {
    const text = makeLargeBudgetText(20, 30);
    const owner = await h.server.tokenFor('alice', 'owner', '张三');
    const id = ((await api(h.server, 'POST', '/api/docs', { token: owner, body: text })).body as { id: string }).id;
    const context = await h.browser.newContext({ viewport: { width: 1400, height: 1000 } });
    h.contexts.push(context);
    const page = await context.newPage();
    await page.addInitScript(WATCH_READ_ONLY_GRID);
    page.setDefaultTimeout(UI_TIMEOUT);
    page.on('pageerror', (e) => h.pageErrors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && h.pageErrors.push(m.text()));
    const socket = await interceptCollab(page);
    await page.goto(`${h.server.url}/docs/${id}#token=${owner}`);

    // The document's state is held back: what shows is the first screen alone.
    const first = text.projects[0]!;
    const cell = page.locator(`[data-testid="cell-${first.id}-${first.indicators[2]!.id}-value"]`);
    await expect.poll(() => cell.textContent(), { timeout: UI_TIMEOUT }).toBe(first.indicators[2]!.value);
    await expect.poll(() => page.locator('[data-testid="doc-title"]').textContent(), { timeout: UI_TIMEOUT }).toContain(text.title);
    expect(socket.seen.firstScreens).toBe(1);
    expect(await page.locator(`[data-testid="project-${text.projects[1]!.id}"]`).count()).toBe(0);
    expect(await page.locator('[data-testid="sync-status"]').getAttribute('data-state')).not.toBe('synced');
    // Read-only meanwhile: the grid says so and a typed key opens no editor.
    expect(await page.locator('indicator-grid [role="grid"]').first().getAttribute('aria-readonly')).toBe('true');
    expect(await page.locator('budget-document main').getAttribute('aria-busy')).toBe('true');
    await cell.click();
    await page.keyboard.press('F2');
    expect(await page.locator('indicator-grid textarea').count()).toBe(0);

    // The state arrives: every project is there, and the cell takes an edit that reaches the server.
    socket.release();
    await page.locator('[data-testid="sync-status"][data-state="synced"]').waitFor();
    await page.locator(`[data-testid="project-${text.projects.at(-1)!.id}"]`).waitFor({ state: 'attached' });
    expect(await page.locator('indicator-grid [role="grid"]').first().getAttribute('aria-readonly')).toBe('false');
    expect(await page.locator('budget-document main').getAttribute('aria-busy')).toBe('false');
    await typeIntoCell(cell, '≥99.5%');
    const stored = async () => ((await api(h.server, 'GET', `/api/docs/${id}`, { token: owner })).body as typeof text).projects[0]!.indicators[2]!.value;
    await expect.poll(stored, { timeout: UI_TIMEOUT }).toBe('≥99.5%');

    // The browser copy keeps a first screen of its own, as fresh as its log (the edit included),
    // once the page is idle after the edit.
    const storedScreen = () => page.evaluate(`new Promise((resolve) => {
      const req = indexedDB.open('jixiao.v1:alice:${id}');
      req.onsuccess = () => {
        const tx = req.result.transaction(['updates', 'meta']);
        const get = tx.objectStore('meta').get('screen');
        const last = tx.objectStore('updates').openKeyCursor(null, 'prev');
        tx.oncomplete = () => (req.result.close(), resolve(get.result?.update instanceof Uint8Array && get.result.upTo >= last.result?.key));
      };
    })`);
    await expect.poll(storedScreen, { timeout: UI_TIMEOUT }).toBe(true);

    // A second visit opens from this browser's copy: no first screen is sent, the copy's own is
    // painted (read-only) before the copy decodes, then the document is editable as before.
    await page.reload();
    await page.locator('[data-testid="sync-status"][data-state="synced"]').waitFor();
    socket.release();
    expect(await cell.textContent()).toBe('≥99.5%');
    expect(socket.seen.firstScreens).toBe(1);
    expect(await page.evaluate('window.__sawReadOnlyGrid')).toBe(true);
    expect(await page.locator('indicator-grid [role="grid"]').first().getAttribute('aria-readonly')).toBe('false');
  });
});
