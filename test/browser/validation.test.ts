import { existsSync, readFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BudgetText } from '../../shared/model/index.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { signToken } from '../../server/auth/tokens.ts';
import { DEMO_ORGS } from '../../server/auth/demo-users.ts';
import { api, startTestServer, type TestServer } from '../helpers/test-server.ts';

// Debian's Chromium (installed by .ci/run); tests never download a browser.
const CHROMIUM = '/usr/bin/chromium';
const CLIENT_DIR = 'dist/client';
const UI_TIMEOUT = 10_000;
const SEED_000 = 'server/demo/seeds/000_dab3d716b961eaf4.txt';
const SEED_003 = 'server/demo/seeds/003_bc1e709cbc29c5ff.txt';
const SEED_004 = 'server/demo/seeds/004_0404a47cf35d884c.txt';

describe('live validation in the web client', () => {
  let server: TestServer;
  let browser: Browser;
  let owner: string;
  let seed000: { id: string; json: BudgetText };
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  // Console errors a test expects (Chromium logs every failed request, e.g. an import answered 400).
  let expectedErrors: RegExp | null = null;

  beforeAll(async () => {
    if (!existsSync(`${CLIENT_DIR}/index.html`)) throw new Error(`${CLIENT_DIR} is missing: run \`npm run build\` first`);
    server = await startTestServer({ clientDir: CLIENT_DIR, demo: true });
    // The demo documents belong to their departments: these people are of 县政府办, seed 000's.
    owner = await signToken(server.key, { sub: 'alice', name: '张三', role: 'owner', ...DEMO_ORGS.office });
    // The demo documents are the imported seeds; seed 000 is 乐亭县人民政府办公室's, with 8 projects.
    const list = (await api(server, 'GET', '/api/docs', { token: owner })).body as Array<{ id: string; title: string }>;
    for (const { id, title } of list) {
      if (!title.includes('乐亭县人民政府办公室')) continue;
      const json = (await api(server, 'GET', `/api/docs/${id}`, { token: owner })).body as BudgetText;
      if (json.projects.length === 8) seed000 = { id, json };
    }
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
    const errors = pageErrors.splice(0).filter((e) => !expectedErrors?.test(e));
    expectedErrors = null;
    expect(errors).toEqual([]);
  });

  async function newSmallDoc(): Promise<string> {
    const created = await api(server, 'POST', '/api/docs', { token: owner, body: makeSmallBudgetText() });
    return (created.body as { id: string }).id;
  }

  /** A fresh browser profile signed in as `sub` through the URL fragment, at `path`. */
  async function openAs(path: string, sub: string, name: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(`${sub}: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && pageErrors.push(`${sub}: ${m.text()}`));
    await page.goto(`${server.url}${path}#token=${await signToken(server.key, { sub, name, role: 'editor', ...DEMO_ORGS.office })}`);
    return page;
  }

  async function openDoc(docId: string, sub: string, name: string): Promise<Page> {
    const page = await openAs(`/docs/${docId}`, sub, name);
    await page.locator('[data-testid="sync-status"][data-state="synced"]').waitFor({ timeout: UI_TIMEOUT });
    return page;
  }

  const cell = (page: Page, project: string, indicator: string, field: string) => page.locator(`[data-testid="cell-${project}-${indicator}-${field}"]`);
  const count = (page: Page, severity: string) => page.locator(`[data-testid="problems-count-${severity}"]`).textContent().then((t) => t?.trim());
  // The popover open next to the hovered or focused field; its list is inside its shadow root.
  const popoverText = (page: Page) => page.locator('[data-testid="finding-popover"]').filter({ visible: true }).locator('ul').textContent();

  async function typeIntoCell(page: Page, target: ReturnType<typeof cell>, text: string): Promise<void> {
    await target.click();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(text);
    await page.keyboard.press('Enter');
  }

  it('marks 项目2\'s 成本指标 of 22万元 as an error and lists it under the project; picking it focuses the cell', async () => {
    const project = seed000.json.projects[1];
    const row = project?.indicators.find((r) => /^=\s*22万元$/.test(r.value));
    if (!project || !row) throw new Error('seed 000 changed: no 成本指标 of 22万元 in its second project');
    const page = await openDoc(seed000.id, 'alice', '张三');
    const costCell = cell(page, project.id, row.id, 'value');

    await expect.poll(() => costCell.getAttribute('aria-invalid'), { timeout: UI_TIMEOUT }).toBe('true');
    expect(await costCell.getAttribute('class')).toContain('finding-error');
    const describedBy = await costCell.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toContain('超过项目预算数20.00万元');

    // Header fields are marked too: the code's year (warning) and the blank 其他资金 (info).
    expect(await page.locator(`[data-testid="project-${project.id}-code"]`).getAttribute('class')).toContain('finding-warning');
    expect(await page.locator(`[data-testid="project-${project.id}-other"]`).getAttribute('class')).toContain('finding-info');

    await page.locator('[data-testid="problems-toggle"]').click();
    const group = page.locator(`[data-testid="problems-group-${project.id}"]`);
    expect(await group.locator('h3').textContent()).toContain(`2. ${project.name}`);
    const entry = group.locator('[data-rule="R-COST-LE-BUDGET"]');
    expect(await entry.textContent()).toContain('成本指标= 22万元超过项目预算数20.00万元');

    await entry.getByRole('button', { name: /成本指标= 22万元/ }).click();
    await expect.poll(() => costCell.evaluate((el) => el.matches(':focus')), { timeout: UI_TIMEOUT }).toBe(true);
    await expect.poll(() => popoverText(page), { timeout: UI_TIMEOUT }).toContain('R-COST-LE-BUDGET');
    expect(await costCell.isVisible()).toBe(true);
  });

  it('shows a bad value typed by one person as marked in a colleague\'s browser, with the counts', async () => {
    const docId = await newSmallDoc();
    const alice = await openDoc(docId, 'alice', '张三');
    const bob = await openDoc(docId, 'bob', '李四');
    await expect.poll(() => count(bob, 'error'), { timeout: UI_TIMEOUT }).toBe('0');
    await bob.locator('[data-testid="problems-toggle"]').click();
    await bob.getByText('未发现问题').waitFor({ timeout: UI_TIMEOUT });

    await typeIntoCell(alice, cell(alice, 'p-reception', 'r-sat', 'value'), '50%');

    const satCell = cell(bob, 'p-reception', 'r-sat', 'value');
    // The cell also names Alice, who is still on it.
    await expect.poll(() => satCell.textContent(), { timeout: UI_TIMEOUT }).toMatch(/^50%/);
    await expect.poll(() => satCell.getAttribute('aria-invalid'), { timeout: UI_TIMEOUT }).toBe('true');
    await expect.poll(() => count(bob, 'error'), { timeout: UI_TIMEOUT }).toBe('1');
    expect(await bob.locator('[data-testid="problems-group-p-reception"] [data-rule="R-SAT-FORMAT"]').textContent()).toContain('满意度指标值应为百分比');

    // Hovering the marked cell shows its findings next to it.
    await satCell.hover();
    await expect.poll(() => popoverText(bob), { timeout: UI_TIMEOUT }).toContain('R-SAT-FORMAT');
  });

  it('applies a one-click fix as an edit: ">=95%" becomes "≥95%" and the mark goes away', async () => {
    const docId = await newSmallDoc();
    const alice = await openDoc(docId, 'alice', '张三');
    const satCell = cell(alice, 'p-reception', 'r-sat', 'value');
    await typeIntoCell(alice, satCell, '>=95%');
    await expect.poll(() => satCell.getAttribute('class'), { timeout: UI_TIMEOUT }).toContain('finding-info');

    await alice.locator('[data-testid="problems-toggle"]').click();
    // Hints are listed only when asked.
    await alice.locator('[data-testid="filter-info"]').click();
    const entry = alice.locator('[data-testid="problems-group-p-reception"] [data-rule="R-VAL-FORMAT"]');
    await entry.getByRole('button', { name: /^修复/ }).click();

    await expect.poll(() => satCell.textContent(), { timeout: UI_TIMEOUT }).toBe('≥95%');
    await expect.poll(() => satCell.getAttribute('class'), { timeout: UI_TIMEOUT }).not.toContain('finding-');
    await expect.poll(() => count(alice, 'info'), { timeout: UI_TIMEOUT }).toBe('0');
    await alice.getByText('未发现问题').waitFor({ timeout: UI_TIMEOUT });
    await alice.locator('[data-testid="sync-status"][data-state="synced"]').waitFor({ timeout: UI_TIMEOUT });
    const saved = (await api(server, 'GET', `/api/docs/${docId}`, { token: owner })).body as BudgetText;
    expect(saved.projects[0]?.indicators.find((r) => r.id === 'r-sat')?.value).toBe('≥95%');
  });

  it('re-validates with the 财预〔2021〕101号 hierarchy when the document setting changes', async () => {
    const docId = await newSmallDoc();
    const alice = await openDoc(docId, 'alice', '张三');
    await alice.locator('[data-testid="problems-toggle"]').click();
    await alice.locator('[data-testid="hierarchy-select"]').selectOption('mof-2021-4');

    await expect.poll(() => count(alice, 'error'), { timeout: UI_TIMEOUT }).toBe('2');
    const badge = alice.locator('[data-testid="project-p-reception"] h3 [data-testid="finding-badge"]');
    await expect.poll(() => badge.getAttribute('aria-label'), { timeout: UI_TIMEOUT }).toContain('1');
    await badge.focus();
    await expect.poll(() => popoverText(alice), { timeout: UI_TIMEOUT }).toContain('缺少一级指标“成本指标”');
    expect(await alice.locator('[data-testid="problems-group-p-vehicles"] [data-rule="R-IND-YIJI-REQUIRED"]').count()).toBe(1);
  });

  it('imports a file chosen with the picker and reports what it read', async () => {
    const page = await openAs('/', 'alice', '张三');
    await page.locator('[data-testid="doc-list"]').waitFor({ timeout: UI_TIMEOUT });
    await page.locator('[data-testid="import-file"]').setInputFiles(SEED_003);

    const dialog = page.locator('[data-testid="import-dialog"]');
    await dialog.getByRole('heading', { name: '导入完成' }).waitFor({ timeout: UI_TIMEOUT });
    expect(await dialog.locator('[data-testid="import-layout"]').textContent()).toBe('Markdown 表格');
    expect(await dialog.locator('[data-testid="import-projects"]').textContent()).toBe('5');
    expect(await dialog.locator('[data-testid="import-indicators"]').textContent()).toBe('45');
    const guesses = dialog.locator('[data-testid="import-guesses"] tbody tr');
    expect(await guesses.count()).toBe(2);
    expect(await guesses.first().textContent()).toContain('跨页续行');

    await dialog.getByRole('link', { name: '打开文档' }).click();
    await page.locator('[data-testid="sync-status"][data-state="synced"]').waitFor({ timeout: UI_TIMEOUT });
    await expect.poll(() => page.locator('[data-testid="doc-title"]').textContent(), { timeout: UI_TIMEOUT }).toContain('乐亭县机关事务中心2025年部门预算绩效文本');
  });

  it('imports a file dropped anywhere on the list page', async () => {
    const page = await openAs('/', 'alice', '张三');
    await page.locator('[data-testid="doc-list"]').waitFor({ timeout: UI_TIMEOUT });
    await page.locator('[data-testid="doc-list"] tbody tr').first().waitFor({ timeout: UI_TIMEOUT });
    const listed = await page.locator('[data-testid="doc-list"] tbody tr').count();
    const text = readFileSync(SEED_004, 'utf8');
    const files = await page.evaluateHandle((content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], '004.txt', { type: 'text/plain' }));
      return transfer;
    }, text);

    await page.dispatchEvent('body', 'dragover', { dataTransfer: files });
    await page.getByText('松开鼠标即可导入').waitFor({ timeout: UI_TIMEOUT });
    await page.dispatchEvent('body', 'drop', { dataTransfer: files });

    const dialog = page.locator('[data-testid="import-dialog"]');
    await dialog.getByRole('heading', { name: '导入完成' }).waitFor({ timeout: UI_TIMEOUT });
    expect(await dialog.locator('[data-testid="import-projects"]').textContent()).toBe('11');
    expect(await page.getByText('松开鼠标即可导入').count()).toBe(0);
    // The list behind the dialog already shows the new document.
    await expect.poll(() => page.locator('[data-testid="doc-list"] tbody tr').count(), { timeout: UI_TIMEOUT }).toBeGreaterThan(listed);
  });

  it('reads a GB18030 file, and shows the importer\'s message when a file is not a budget text', async () => {
    const page = await openAs('/', 'alice', '张三');
    await page.locator('[data-testid="doc-list"]').waitFor({ timeout: UI_TIMEOUT });
    const input = page.locator('[data-testid="import-file"]');
    const dialog = page.locator('[data-testid="import-dialog"]');

    await input.setInputFiles({ name: '000-gbk.txt', mimeType: 'text/plain', buffer: Buffer.from(encodeGb18030(readFileSync(SEED_000, 'utf8'))) });
    await dialog.getByRole('heading', { name: '导入完成' }).waitFor({ timeout: UI_TIMEOUT });
    expect(await dialog.locator('[data-testid="import-projects"]').textContent()).toBe('8');
    expect(await dialog.textContent()).toContain('已按 GB18030 读取');
    await dialog.getByRole('button', { name: '关闭' }).click();

    expectedErrors = /Failed to load resource: the server responded with a status of 400/;
    await input.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('会议记录\n没有表格') });
    await dialog.getByRole('heading', { name: '导入失败' }).waitFor({ timeout: UI_TIMEOUT });
    expect(await dialog.locator('[data-testid="import-error"]').textContent()).toContain('未识别出部门预算绩效文本的表格');
  });
});

// Node has no GB18030 encoder: build the characters the text needs from the decoder.
function encodeGb18030(text: string): Uint8Array {
  const wanted = new Set([...text].filter((c) => c.charCodeAt(0) > 0x7f));
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (wanted.has(char) && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  // Characters outside the two-byte range (rare in these texts) stay as UTF-8 bytes.
  return new Uint8Array([...text].flatMap((c) => table.get(c) ?? [...new TextEncoder().encode(c)]));
}
