import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startTestServer, type TestServer } from './test-server.ts';

/** Debian's Chromium (installed by .ci/run); tests never download a browser. */
export const CHROMIUM = '/usr/bin/chromium';
/** The built client the test server serves. */
export const CLIENT_DIR = 'dist/client';
/** Chromium flags for a sandboxed, offline machine: no background network, no GPU. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** One browser for a test file: contexts closed and page errors checked after each test. */
export interface ChromiumHarness {
  browser: Browser;
  /** Contexts a test opened; closed after it. */
  contexts: BrowserContext[];
  /** Page errors and console errors seen by a test; it fails if any were. */
  pageErrors: string[];
}

/** What a browser test file shares: one server, one browser, contexts closed after each test. */
export interface BrowserHarness extends ChromiumHarness {
  server: TestServer;
  /**
   * Opens `/docs/<docId>` in a fresh 1400×1000 browser profile signed in with `token` (URL
   * fragment) and resolves once the document is synced; errors are recorded under `label`.
   */
  openDoc(docId: string, token: string, label?: string): Promise<Page>;
}

/** How long a test waits for something a user would see. */
export const UI_TIMEOUT = 10_000;

/**
 * Registers the hooks of a browser test file that starts its own servers (the offline tests
 * restart theirs on a fixed port): the built client must exist, Debian's Chromium, contexts closed
 * and page errors checked after every test. The returned object is filled in `beforeAll`.
 */
export function useChromium(): ChromiumHarness {
  const h = { contexts: [], pageErrors: [] } as unknown as ChromiumHarness;
  beforeAll(async () => {
    if (!existsSync(`${CLIENT_DIR}/index.html`)) throw new Error(`${CLIENT_DIR} is missing: run \`npm run build\` first`);
    h.browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await h.browser?.close();
  });
  afterEach(async () => {
    for (const c of h.contexts.splice(0)) await c.close();
    expect(h.pageErrors.splice(0)).toEqual([]);
  });
  return h;
}

/**
 * Registers the hooks of a browser test file: {@link useChromium} plus a real server on port 0
 * serving the built client. The returned object is filled in `beforeAll`.
 */
export function useBrowserHarness(): BrowserHarness {
  const h = useChromium() as BrowserHarness;
  h.openDoc = async (docId, token, label) => {
    const context = await h.browser.newContext({ viewport: { width: 1400, height: 1000 } });
    h.contexts.push(context);
    const page = await context.newPage();
    const tag = label ? `${label}: ` : '';
    page.on('pageerror', (e) => h.pageErrors.push(tag + e.message));
    page.on('console', (m) => m.type() === 'error' && h.pageErrors.push(tag + m.text()));
    await page.goto(`${h.server.url}/docs/${docId}#token=${token}`);
    await page.locator('[data-testid="sync-status"][data-state="synced"]').waitFor({ timeout: UI_TIMEOUT });
    return page;
  };
  beforeAll(async () => {
    h.server = await startTestServer({ clientDir: CLIENT_DIR });
  });
  afterAll(async () => {
    await h.server?.cleanup();
  });
  return h;
}

/** Types `text` into a grid cell as its new value: F2 opens the cell's editor, the old value is replaced, Enter commits. */
export async function typeIntoCell(target: Locator, text: string): Promise<void> {
  await startTypingInCell(target, text);
  await target.page().keyboard.press('Enter');
}

/** Opens the editor of cell `target` (click, F2) and replaces its text with `text`, leaving the editor open. */
export async function startTypingInCell(target: Locator, text: string): Promise<void> {
  await target.click();
  const { keyboard } = target.page();
  await keyboard.press('F2');
  await keyboard.press('Control+A');
  await keyboard.insertText(text);
}
