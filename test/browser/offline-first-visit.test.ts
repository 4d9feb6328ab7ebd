import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { api, startTestServer, type TestServer } from '../helpers/test-server.ts';
import { CLIENT_DIR, UI_TIMEOUT, typeIntoCell, useChromium } from '../helpers/browser-harness.ts';
import { freePort } from '../helpers/free-port.ts';

/** What Chromium logs by itself while the server is down: expected here. */
const NETWORK_NOISE = /Failed to load resource|WebSocket connection to .* failed|ERR_CONNECTION_REFUSED/;
type Budget = ReturnType<typeof makeSmallBudgetText>;

/**
 * Installed before the page's scripts on the visit that signs in (its address carries the token):
 * creates the person's copy database itself and keeps that creation open until the test calls
 * `__releaseCopy()`, as another tab creating it slowly would. The page's own open waits meanwhile.
 */
const HOLD_COPY_CREATION = `(() => {
  if (!location.hash.includes('token=')) return;
  const name = 'jixiao.v1:alice:' + decodeURIComponent(location.pathname.split('/').pop());
  let released = false;
  window.__releaseCopy = () => { released = true; };
  const req = indexedDB.open(name, 1);
  req.onupgradeneeded = () => {
    req.result.createObjectStore('updates', { autoIncrement: true });
    const meta = req.result.createObjectStore('meta');
    const spin = () => { if (!released) meta.get('hold').onsuccess = spin; };
    spin();
  };
  req.onsuccess = () => req.result.close();
})();`;


describe('a first visit: the document connects before its browser copy exists', () => {
  const chrome = useChromium();
  const { contexts, pageErrors } = chrome;

  const status = (page: Page) => page.locator('[data-testid="sync-status"]');
  const cell = (page: Page, indicator: string) => page.locator(`[data-testid="cell-p-reception-${indicator}-value"]`);
  const serverValue = async (server: TestServer, id: string, indicator: string) =>
    ((await api(server, 'GET', `/api/docs/${id}`, { token: await server.tokenFor('olga', 'owner') })).body as Budget).projects[0]!.indicators.find((r) => r.id === indicator)?.value;
  /**
   * In the copy `name`: how many updates are stored, and whether the state the server acknowledged
   * is stored with `text` in it (a read runs after the writes begun before it).
   */
  const storedCopy = (page: Page, name: string, text: string) =>
    page.evaluate(async ([db, wanted]) => {
      const conn = await new Promise<IDBDatabase>((ok, fail) => {
        const req = indexedDB.open(db);
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      const tx = conn.transaction(['updates', 'meta']);
      const count = tx.objectStore('updates').count();
      const confirmed = tx.objectStore('meta').get('confirmed');
      await new Promise((ok, fail) => {
        tx.oncomplete = ok;
        tx.onerror = () => fail(tx.error);
      });
      conn.close();
      // Yjs keeps a cell's string as UTF-8 bytes in the update.
      const state = confirmed.result instanceof Uint8Array ? confirmed.result : null;
      const needle = new TextEncoder().encode(wanted);
      const holds = !!state && state.some((_, i) => needle.every((b, j) => state[i + j] === b));
      return { updates: count.result, acknowledgedHoldsText: holds };
    }, [name, text] as const);

  it('shows and saves the document while the copy is still being created, and keeps edits made meanwhile through a reload offline', async () => {
    const port = await freePort();
    let server = await startTestServer({ clientDir: CLIENT_DIR, port });
    const owner = await server.tokenFor('olga', 'owner', '所有者');
    const id = ((await api(server, 'POST', '/api/docs', { token: owner, body: makeSmallBudgetText() })).body as { id: string }).id;
    const context = await chrome.browser.newContext({ viewport: { width: 1400, height: 1000 } });
    contexts.push(context);
    await context.addInitScript(HOLD_COPY_CREATION);
    const alice = await context.newPage();
    alice.setDefaultTimeout(UI_TIMEOUT);
    alice.on('pageerror', (e) => pageErrors.push(e.message));
    alice.on('console', (m) => m.type() === 'error' && !NETWORK_NOISE.test(m.text()) && pageErrors.push(m.text()));
    await alice.goto(`http://localhost:${port}/docs/${id}#token=${await server.tokenFor('alice', 'editor', '张三')}`);

    // The copy's database is not there yet: the page connects, shows the document and saves anyway.
    await status(alice).and(alice.locator('[data-state="synced"]')).waitFor();
    await typeIntoCell(cell(alice, 'r-qty'), '≥52批次');
    await expect.poll(() => serverValue(server, id, 'r-qty'), { timeout: UI_TIMEOUT }).toBe('≥52批次');
    // Stored on the server is not yet acknowledged to the page: only 已保存 says the page knows.
    await expect.poll(() => status(alice).textContent(), { timeout: UI_TIMEOUT }).toBe('已连接 · 已保存');
    await alice.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: UI_TIMEOUT });

    // The server goes down before the copy exists: this edit is nowhere but in the page.
    await server.stop();
    await status(alice).and(alice.locator('[data-state="offline"]')).waitFor();
    await typeIntoCell(cell(alice, 'r-soc'), '≥98%');
    await expect.poll(() => status(alice).textContent(), { timeout: UI_TIMEOUT }).toBe('离线 · 1 处修改未同步');

    // Once the database is created, it holds everything from before, and a reload without the server shows it.
    await alice.evaluate(() => (window as unknown as { __releaseCopy: () => void }).__releaseCopy());
    // (The acknowledged state, saved a moment after the first edit was acknowledged, waited for it
    // too; an earlier save, from before that edit, does not count.)
    const copy = () => storedCopy(alice, `jixiao.v1:alice:${id}`, '≥52批次').then((c) => c.updates >= 3 && c.acknowledgedHoldsText);
    await expect.poll(copy, { timeout: UI_TIMEOUT }).toBe(true);
    await alice.reload();
    await expect.poll(() => status(alice).textContent(), { timeout: UI_TIMEOUT }).toBe('离线 · 1 处修改未同步');
    expect(await cell(alice, 'r-qty').textContent()).toBe('≥52批次');
    expect(await cell(alice, 'r-soc').textContent()).toBe('≥98%');

    // The server is back: the edit made before the copy existed reaches it.
    server = await startTestServer({ clientDir: CLIENT_DIR, port, dataDir: server.dataDir });
    await expect.poll(() => status(alice).textContent(), { timeout: 20_000 }).toBe('已连接 · 已保存');
    expect(await serverValue(server, id, 'r-soc')).toBe('≥98%');
    await server.cleanup();
  });
});
