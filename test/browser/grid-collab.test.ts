import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeLargeBudgetText } from '../fixtures/make-large-budget-text.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { api, startTestServer, type TestServer } from '../helpers/test-server.ts';

// Debian's Chromium (installed by .ci/run); tests never download a browser.
const CHROMIUM = '/usr/bin/chromium';
const CLIENT_DIR = 'dist/client';
const UI_TIMEOUT = 10_000;
const P = 'p-reception';
const FIELDS = ['level1', 'level2', 'name', 'description', 'value', 'basis'];

describe('the indicator grid, several people at once', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(`${CLIENT_DIR}/index.html`)) throw new Error(`${CLIENT_DIR} is missing: run \`npm run build\` first`);
    server = await startTestServer({ clientDir: CLIENT_DIR });
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
    expect(pageErrors.splice(0)).toEqual([]);
  });

  async function createDoc(body: unknown = makeSmallBudgetText()): Promise<string> {
    const created = await api(server, 'POST', '/api/docs', { token: await server.tokenFor('alice', 'owner', '张三'), body });
    return (created.body as { id: string }).id;
  }

  async function openAs(docId: string, sub: string, name: string, viewport = { width: 1400, height: 1000 }): Promise<Page> {
    const context = await browser.newContext({ viewport });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(`${sub}: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && pageErrors.push(`${sub}: ${m.text()}`));
    await page.goto(`${server.url}/docs/${docId}#token=${await server.tokenFor(sub, 'editor', name)}`);
    await page.locator('[data-testid="sync-status"][data-state="synced"]').waitFor({ timeout: UI_TIMEOUT });
    return page;
  }

  const cell = (page: Page, row: string, field: string, project = P) => page.locator(`[data-testid="cell-${project}-${row}-${field}"]`);
  /** A cell's own text, without the name tags of colleagues on it. */
  const cellText = (target: ReturnType<typeof cell>) =>
    target.evaluate((el) => [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join(''));
  const column = (page: Page, field: string, project = P) =>
    page.locator(`indicator-grid[project-id="${project}"] [role="gridcell"][aria-colindex="${FIELDS.indexOf(field) + 1}"]`).allTextContents();
  const rowIds = (page: Page, project = P) =>
    page.locator(`indicator-grid[project-id="${project}"] [role="row"][data-testid]`).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')?.split('-').slice(3).join('-')));

  async function paste(page: Page, text: string): Promise<void> {
    await page.evaluate((t) => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      const dt = new DataTransfer();
      dt.setData('text/plain', t);
      el?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, composed: true, cancelable: true }));
    }, text);
  }

  it('merges two people typing into neighbouring cells at the same time', async () => {
    const docId = await createDoc();
    const [alice, bob] = await Promise.all([openAs(docId, 'alice', '张三'), openAs(docId, 'bob', '李四')]);
    await cell(alice, 'r-qty', 'value').click();
    await cell(bob, 'r-qty', 'basis').click();
    await Promise.all([alice.keyboard.press('F2'), bob.keyboard.press('F2')]);
    for (const ch of '0123') await Promise.all([alice.keyboard.type(ch), bob.keyboard.type(ch)]);
    await Promise.all([alice.keyboard.press('Enter'), bob.keyboard.press('Enter')]);
    for (const page of [alice, bob]) {
      await expect.poll(() => cellText(cell(page, 'r-qty', 'value')), { timeout: UI_TIMEOUT }).toBe('≥45批次0123');
      await expect.poll(() => cellText(cell(page, 'r-qty', 'basis')), { timeout: UI_TIMEOUT }).toBe('2025年工作计划0123');
    }
  });

  it('keeps a 20-row paste and a concurrent row move, and undo takes back only one\'s own change', async () => {
    const docId = await createDoc();
    const [alice, bob] = await Promise.all([openAs(docId, 'alice', '张三'), openAs(docId, 'bob', '李四')]);
    const tsv = Array.from({ length: 20 }, (_, i) => `产出指标\t数量指标\t粘贴${i}\t"说明${i}\n第二行"\t≥${i}项\t计划`).join('\r\n');
    await cell(bob, 'r-sat', 'level1').click();
    await cell(alice, 'r-qual', 'name').click();
    await Promise.all([paste(bob, tsv), alice.keyboard.press('Alt+ArrowDown')]);
    const expected = ['r-qty', 'r-time', 'r-qual', 'r-cost', 'r-soc', 'r-sat'];
    for (const page of [alice, bob]) {
      await expect.poll(async () => (await rowIds(page)).length, { timeout: UI_TIMEOUT }).toBe(25);
      // Bob's page has its 25 rows from his own paste at once, Alice's move may still be on its way.
      await expect.poll(async () => (await rowIds(page)).slice(0, 6), { timeout: UI_TIMEOUT }).toEqual(expected);
      expect((await column(page, 'name')).slice(5)).toEqual(Array.from({ length: 20 }, (_, i) => `粘贴${i}`));
      expect((await column(page, 'description'))[24]).toBe('说明19\n第二行');
    }
    // Alice undoes: her move goes, Bob's paste stays.
    await alice.keyboard.press('Control+Z');
    for (const page of [alice, bob]) {
      await expect.poll(async () => (await rowIds(page)).slice(0, 3), { timeout: UI_TIMEOUT }).toEqual(['r-qty', 'r-qual', 'r-time']);
      expect(await rowIds(page)).toHaveLength(25);
    }
    // Bob edits a cell, then undoes twice: his edit and his paste go, Alice's state stays.
    await cell(bob, 'r-cost', 'value').click();
    await bob.keyboard.type('<=18');
    await bob.keyboard.press('Enter');
    await cell(alice, 'r-cost', 'basis').click();
    await alice.keyboard.type('A');
    await alice.keyboard.insertText('甲改');
    await alice.keyboard.press('Enter');
    await expect.poll(() => cellText(cell(bob, 'r-cost', 'basis')), { timeout: UI_TIMEOUT }).toBe('A甲改');
    await bob.locator('[data-testid="undo-button"]').click();
    await bob.locator('[data-testid="undo-button"]').click();
    for (const page of [alice, bob]) {
      await expect.poll(async () => (await rowIds(page)).length, { timeout: UI_TIMEOUT }).toBe(6);
      await expect.poll(() => cellText(cell(page, 'r-cost', 'value')), { timeout: UI_TIMEOUT }).toBe('≤20万元');
      expect(await cellText(cell(page, 'r-cost', 'basis'))).toBe('A甲改');
      expect((await rowIds(page)).slice(0, 3)).toEqual(['r-qty', 'r-qual', 'r-time']);
    }
  });

  it('outlines each colleague\'s range in their colour with their name, and jumps to them from the presence bar', async () => {
    const docId = await createDoc();
    const [alice, bob, carol] = await Promise.all([openAs(docId, 'alice', '张三'), openAs(docId, 'bob', '李四'), openAs(docId, 'carol', '王五')]);
    await cell(alice, 'r-qual', 'name').click();
    await alice.keyboard.press('Shift+ArrowRight');
    await alice.keyboard.press('Shift+ArrowDown');
    await cell(bob, 'r-soc', 'value').click();

    const aliceTag = cell(carol, 'r-time', 'description').locator('[data-testid="peer-cursor-alice"]');
    await expect.poll(() => aliceTag.textContent(), { timeout: UI_TIMEOUT }).toBe('张三');
    await expect.poll(() => cell(carol, 'r-soc', 'value').locator('[data-testid="peer-cursor-bob"]').textContent(), { timeout: UI_TIMEOUT }).toBe('李四');
    const shadow = (row: string, field: string) => cell(carol, row, field).evaluate((el) => getComputedStyle(el).boxShadow);
    const aliceColor = await carol.locator('[data-testid="presence-alice"]').evaluate((el) => getComputedStyle(el).getPropertyValue('--peer-color').trim());
    // The range's four corners carry its outline; a cell outside has none.
    expect(await shadow('r-qual', 'name')).not.toBe('none');
    expect(await shadow('r-time', 'description')).not.toBe('none');
    expect(await shadow('r-cost', 'name')).toBe('none');
    expect(aliceColor).not.toBe('');
    await carol.locator(`indicator-grid[project-id="${P}"]`).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await carol.screenshot({ path: '/tmp/jixiao-grid.png' });

    // Carol scrolls away, then clicks Bob's name: his cell comes into view.
    await carol.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await carol.locator('[data-testid="presence-bob"]').click();
    await expect.poll(() => cell(carol, 'r-soc', 'value').evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    }), { timeout: UI_TIMEOUT }).toBe(true);
  });

  it('shows a colleague\'s caret and selection in a narrative section, in their colour with their name', async () => {
    const docId = await createDoc();
    const [alice, bob] = await Promise.all([openAs(docId, 'alice', '张三'), openAs(docId, 'bob', '李四')]);
    const section = (page: Page) => page.locator('[data-testid="section-overallGoal"]');
    await section(alice).click();
    await section(alice).evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(4, 4));
    await alice.keyboard.press('ArrowRight');
    const caret = bob.locator('[data-testid="remote-caret-alice"]');
    await expect.poll(() => caret.textContent(), { timeout: UI_TIMEOUT }).toBe('张三');
    // Bob types before the caret: it stays between the same two characters.
    await section(bob).click();
    await bob.keyboard.press('Control+Home');
    await bob.keyboard.insertText('【乙】');
    await expect.poll(() => bob.locator('[data-testid="remote-caret-alice"]').evaluate((el) => el.closest('.mirror')?.textContent?.indexOf('张三')), { timeout: UI_TIMEOUT }).toBe(8);
    // A selection is highlighted.
    await alice.keyboard.press('Shift+ArrowRight');
    await alice.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => bob.locator('[data-testid="remote-selection-alice"]').textContent(), { timeout: UI_TIMEOUT }).toBe('作大');
  });

  it('opens a 50-project, 1,500-row document, renders lazily and edits at the far end', async () => {
    const docId = await createDoc(makeLargeBudgetText(50, 30));
    const page = await openAs(docId, 'alice', '张三');
    await cell(page, 'p1r0', 'name', 'p1').waitFor({ timeout: UI_TIMEOUT });
    const rendered = await page.locator('[role="gridcell"]').count();
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(50 * 30 * 6);
    // Scroll to the end: the last project renders when it comes near.
    const last = page.locator('[data-testid="project-p50"]');
    await last.scrollIntoViewIfNeeded();
    await cell(page, 'p50r29', 'value', 'p50').scrollIntoViewIfNeeded({ timeout: UI_TIMEOUT });
    await cell(page, 'p50r29', 'value', 'p50').click();
    await page.keyboard.type('>=99%');
    await page.keyboard.press('Enter');
    expect(await cell(page, 'p50r29', 'value', 'p50').textContent()).toBe('>=99%');
    expect(await page.locator('[data-testid="totals-total"]').textContent()).toBe('1,000.00 万元');
  });
});
