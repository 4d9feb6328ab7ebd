import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { api, startTestServer, type TestServer } from '../helpers/test-server.ts';

// Debian's Chromium (installed by .ci/run); tests never download a browser.
const CHROMIUM = '/usr/bin/chromium';
const CLIENT_DIR = 'dist/client';
const UI_TIMEOUT = 10_000;

describe('the web client, two people in one document', () => {
  let server: TestServer;
  let browser: Browser;
  let docId: string;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(`${CLIENT_DIR}/index.html`)) throw new Error(`${CLIENT_DIR} is missing: run \`npm run build\` first`);
    server = await startTestServer({ clientDir: CLIENT_DIR });
    const created = await api(server, 'POST', '/api/docs', { token: await server.tokenFor('alice', 'owner', '张三'), body: makeSmallBudgetText() });
    docId = (created.body as { id: string }).id;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.cleanup();
  });

  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
    const errors = pageErrors.splice(0);
    expect(errors).toEqual([]);
  });

  /** A fresh browser profile signed in as `sub` through the URL fragment, showing the document. */
  async function openAs(sub: string, role: 'owner' | 'editor', name: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(`${sub}: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && pageErrors.push(`${sub}: ${m.text()}`));
    await page.goto(`${server.url}/docs/${docId}#token=${await server.tokenFor(sub, role, name)}`);
    await page.locator('[data-testid="sync-status"][data-state="synced"]').waitFor({ timeout: UI_TIMEOUT });
    return page;
  }

  const cell = (page: Page, indicator: string, field: string) => page.locator(`[data-testid="cell-p-reception-${indicator}-${field}"]`);

  it('signs in from the URL fragment and removes the token from the address bar', async () => {
    const alice = await openAs('alice', 'owner', '张三');
    expect(new URL(alice.url()).hash).toBe('');
    expect(new URL(alice.url()).pathname).toBe(`/docs/${docId}`);
    await expect.poll(() => alice.locator('[data-testid="current-user"]').textContent(), { timeout: UI_TIMEOUT }).toContain('张三');
  });

  it('shows a value typed into a grid cell in one browser in the other, and saves it', async () => {
    const alice = await openAs('alice', 'owner', '张三');
    const bob = await openAs('bob', 'editor', '李四');

    await cell(alice, 'r-qty', 'value').click();
    await alice.keyboard.type('60');
    await alice.keyboard.insertText('批次');
    await alice.keyboard.press('Enter');

    await expect.poll(() => cell(bob, 'r-qty', 'value').textContent(), { timeout: UI_TIMEOUT }).toBe('60批次');
    await alice.locator('[data-testid="sync-status"][data-state="synced"]').waitFor({ timeout: UI_TIMEOUT });
    const saved = await api(server, 'GET', `/api/docs/${docId}`, { token: await server.tokenFor('carol', 'editor') });
    const project = (saved.body as ReturnType<typeof makeSmallBudgetText>).projects[0];
    expect(project?.indicators.find((r) => r.id === 'r-qty')?.value).toBe('60批次');
  });

  it('shows each person in the other\'s presence bar and outlines the colleague\'s active cell', async () => {
    const alice = await openAs('alice', 'owner', '张三');
    const bob = await openAs('bob', 'editor', '李四');

    await alice.locator('[data-testid="presence-bob"]').waitFor({ timeout: UI_TIMEOUT });
    await bob.locator('[data-testid="presence-alice"]').waitFor({ timeout: UI_TIMEOUT });
    expect(await alice.locator('[data-testid="presence-bob"]').textContent()).toContain('李四');
    expect(await bob.locator('[data-testid="presence-alice"]').textContent()).toContain('张三');

    await cell(alice, 'r-cost', 'basis').click();
    await alice.keyboard.press('ArrowUp');
    const tag = cell(bob, 'r-time', 'basis').locator('[data-testid="peer-cursor-alice"]');
    await expect.poll(() => tag.textContent(), { timeout: UI_TIMEOUT }).toBe('张三');
  });

  it('keeps the caret where it was when a colleague types in the same narrative section', async () => {
    const alice = await openAs('alice', 'owner', '张三');
    const bob = await openAs('bob', 'editor', '李四');
    const section = (page: Page) => page.locator('[data-testid="section-safeguards"]');
    const original = makeSmallBudgetText().overview.safeguards;

    await section(alice).click();
    await alice.keyboard.press('Control+Home');
    await section(bob).click();
    await bob.keyboard.press('Control+End');
    await bob.keyboard.insertText('【乙】');
    await expect.poll(() => section(alice).inputValue(), { timeout: UI_TIMEOUT }).toBe(`${original}【乙】`);
    await alice.keyboard.insertText('【甲】');

    const expected = `【甲】${original}【乙】`;
    await expect.poll(() => section(bob).inputValue(), { timeout: UI_TIMEOUT }).toBe(expected);
    expect(await section(alice).inputValue()).toBe(expected);
  });

  it('takes Chinese input-method text typed straight into a cell and through a colleague\'s edit', async () => {
    const alice = await openAs('alice', 'owner', '张三');
    const bob = await openAs('bob', 'editor', '李四');
    const ime = await alice.context().newCDPSession(alice);
    const compose = (text: string) => ime.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    const processKey = { key: 'Process', code: 'KeyJ', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 };

    // The first key of a composition arrives as "Process" while the cell is not yet being edited.
    await cell(alice, 'r-time', 'basis').click();
    await ime.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...processKey });
    await compose('jie');
    await ime.send('Input.dispatchKeyEvent', { type: 'keyUp', ...processKey });
    await ime.send('Input.insertText', { text: '接待计划' });
    await alice.keyboard.press('Enter');
    await expect.poll(() => cell(bob, 'r-time', 'basis').textContent(), { timeout: UI_TIMEOUT }).toBe('接待计划');

    // Bob's edit arriving mid-composition must neither break the composition nor be lost.
    const section = (page: Page) => page.locator('[data-testid="section-subGoals"]');
    const original = makeSmallBudgetText().overview.subGoals;
    await section(alice).click();
    await alice.keyboard.press('Control+End');
    await compose('jia');
    await section(bob).click();
    await bob.keyboard.press('Control+Home');
    await bob.keyboard.insertText('【乙】');
    await expect.poll(() => section(bob).inputValue(), { timeout: UI_TIMEOUT }).toBe(`【乙】${original}`);
    await ime.send('Input.insertText', { text: '甲' });
    const expected = `【乙】${original}甲`;
    await expect.poll(() => section(bob).inputValue(), { timeout: UI_TIMEOUT }).toBe(expected);
    await expect.poll(() => section(alice).inputValue(), { timeout: UI_TIMEOUT }).toBe(expected);
  });

  it('switches the interface to English and remembers the choice', async () => {
    const alice = await openAs('alice', 'owner', '张三');
    await alice.locator('[data-testid="language-toggle"]').click();
    const headers = () => alice.getByRole('grid', { name: '接待管理经费' }).getByRole('columnheader').first().textContent();
    await expect.poll(headers, { timeout: UI_TIMEOUT }).toBe('Level 1');
    await alice.reload();
    await alice.locator('[data-testid="sync-status"][data-state="synced"]').waitFor({ timeout: UI_TIMEOUT });
    await expect.poll(headers, { timeout: UI_TIMEOUT }).toBe('Level 1');
    expect(await alice.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  it('follows the WAI-ARIA grid pattern: named grid, ordered headers, one tabbable cell, arrow keys', async () => {
    const alice = await openAs('alice', 'owner', '张三');
    const grid = alice.getByRole('grid', { name: '接待管理经费' });
    expect(await grid.getByRole('columnheader').allTextContents()).toEqual(['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据']);
    expect(await grid.locator('[role="gridcell"][tabindex="0"]').count()).toBe(1);

    await cell(alice, 'r-qty', 'name').click();
    await alice.keyboard.press('ArrowDown');
    await alice.keyboard.press('ArrowRight');
    const active = cell(alice, 'r-qual', 'description');
    await expect.poll(() => active.getAttribute('tabindex'), { timeout: UI_TIMEOUT }).toBe('0');
    expect(await active.evaluate((el) => el.matches(':focus'))).toBe(true);
    expect(await active.getAttribute('aria-colindex')).toBe('4');

    // Esc leaves the cell as it was.
    const before = await active.textContent();
    await alice.keyboard.press('F2');
    await alice.keyboard.insertText('不要保存');
    await alice.keyboard.press('Escape');
    expect(await active.textContent()).toBe(before);
  });

  it('keeps a blank amount blank and refuses text that is not a number', async () => {
    const alice = await openAs('alice', 'owner', '张三');
    const bob = await openAs('bob', 'editor', '李四');
    const total = (page: Page) => page.locator('[data-testid="project-p-reception-total"]');

    await total(alice).fill('12a');
    await alice.locator('[data-testid="project-p-reception-total-error"]').waitFor({ timeout: UI_TIMEOUT });
    expect(await total(bob).inputValue()).toBe('20');
    await total(alice).fill('');
    await expect.poll(() => total(bob).inputValue(), { timeout: UI_TIMEOUT }).toBe('');
    await total(alice).fill('18.5');
    await expect.poll(() => total(bob).inputValue(), { timeout: UI_TIMEOUT }).toBe('18.5');
  });
});
