import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BudgetText } from '../../shared/model/index.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { seriousA11yViolations } from '../helpers/axe.ts';
import { UI_TIMEOUT, useBrowserHarness } from '../helpers/browser-harness.ts';
import { api } from '../helpers/test-server.ts';

const SCREENS = '.tmp/screens';

describe('document list: status, errors, search, filters, 新建', () => {
  const h = useBrowserHarness();
  let owner: string;
  const ids: Record<string, string> = {};

  const create = async (text: BudgetText) => ((await api(h.server, 'POST', '/api/docs', { token: owner, body: text })).body as { id: string }).id;

  beforeAll(async () => {
    owner = await h.server.tokenFor('alice', 'owner', '张三');
    ids.clean = await create(makeSmallBudgetText());
    const broken = makeSmallBudgetText();
    broken.title = '乐亭县机关事务中心2025年部门预算绩效文本（修改稿）';
    broken.projects[0]!.indicators[5]!.value = '有所提高';
    ids.broken = await create(broken);
    const other = makeSmallBudgetText();
    other.title = '滦南县教育局2024年部门预算绩效文本';
    other.year = 2024;
    other.department = { code: '320001', name: '滦南县教育局', region: '滦南县' };
    ids.other = await create(other);
    expect((await api(h.server, 'POST', `/api/docs/${ids.clean}/status`, { token: owner, body: { status: 'submitted' } })).status).toBe(200);
  });

  async function openList(viewport = { width: 1400, height: 1000 }): Promise<Page> {
    const context = await h.browser.newContext({ viewport });
    h.contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => h.pageErrors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && h.pageErrors.push(m.text()));
    await page.goto(`${h.server.url}/#token=${owner}`);
    await page.locator('[data-testid="doc-list"]').waitFor({ timeout: UI_TIMEOUT });
    return page;
  }
  const row = (page: Page, id: string) => page.locator(`[data-testid="doc-row-${id}"]`);
  const visibleIds = (page: Page) => page.locator('[data-testid="doc-list"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')?.slice('doc-row-'.length)));

  it('shows each document\'s status and error count, and narrows the list by search, year and department', async () => {
    const page = await openList();
    expect(await row(page, ids.clean!).locator('[data-testid="doc-status"]').textContent()).toBe('已提交');
    expect(await row(page, ids.broken!).locator('[data-testid="doc-status"]').textContent()).toBe('草稿');
    expect(await row(page, ids.clean!).locator('[data-testid="doc-errors"]').textContent()).toBe('0');
    expect(await row(page, ids.broken!).locator('[data-testid="doc-errors"]').textContent()).toBe('1');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('searchbox', { name: '搜索' }).fill('修改稿');
    await expect.poll(() => visibleIds(page), { timeout: UI_TIMEOUT }).toEqual([ids.broken]);
    // Full-width letters and digits find half-width ones.
    await page.getByRole('searchbox', { name: '搜索' }).fill('２０２４');
    await expect.poll(() => visibleIds(page), { timeout: UI_TIMEOUT }).toEqual([ids.other]);
    await page.getByRole('searchbox', { name: '搜索' }).fill('没有这个文档');
    await expect.poll(() => visibleIds(page), { timeout: UI_TIMEOUT }).toEqual([]);
    expect(await page.locator('[data-testid="doc-list-none"]').textContent()).toBe('没有符合条件的文档');
    await page.getByRole('searchbox', { name: '搜索' }).fill('');

    await page.getByRole('combobox', { name: '年度' }).selectOption('2024');
    await expect.poll(() => visibleIds(page), { timeout: UI_TIMEOUT }).toEqual([ids.other]);
    await page.getByRole('combobox', { name: '年度' }).selectOption('');
    await page.getByRole('combobox', { name: '部门' }).selectOption('乐亭县机关事务中心');
    await expect.poll(async () => (await visibleIds(page)).sort(), { timeout: UI_TIMEOUT }).toEqual([ids.clean, ids.broken].sort());
    expect(await page.locator('[data-testid="doc-count"]').textContent()).toBe('显示 2 / 3 个文档');
  });

  it('新建 from the blank template opens the new document with the template rows, listed as a draft', async () => {
    const page = await openList();
    await page.getByRole('button', { name: '新建', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '新建文档' });
    await dialog.getByRole('textbox', { name: '部门名称' }).fill('乐亭县财政局');
    await dialog.getByRole('spinbutton', { name: '年度' }).fill('2026');
    await dialog.getByRole('textbox', { name: '标题' }).fill('乐亭县财政局2026年部门预算绩效文本');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: '创建' }).click();
    await page.waitForURL(/\/docs\/[a-z0-9]+$/);
    await page.locator('[data-testid="sync-status"][data-state="synced"]').waitFor({ timeout: UI_TIMEOUT });
    await expect.poll(() => page.locator('[data-testid="doc-title"]').textContent(), { timeout: UI_TIMEOUT }).toContain('乐亭县财政局2026年部门预算绩效文本');
    await expect.poll(() => page.locator('[data-testid$="-level2"]').allTextContents(), { timeout: UI_TIMEOUT }).toEqual(
      expect.arrayContaining([expect.stringContaining('数量指标'), expect.stringContaining('服务对象满意度指标')]),
    );

    await page.goBack();
    const created = page.locator('[data-testid="doc-list"] tbody tr').filter({ hasText: '乐亭县财政局2026年部门预算绩效文本' });
    await created.waitFor({ timeout: UI_TIMEOUT });
    expect(await created.locator('[data-testid="doc-status"]').textContent()).toBe('草稿');
    expect(await created.locator('td').nth(1).textContent()).toBe('2026');
  });

  it('新建 as a copy of a listed document opens the copy; a bad year is refused in the dialog', async () => {
    const page = await openList();
    await page.getByRole('button', { name: '新建', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '新建文档' });
    await dialog.getByRole('spinbutton', { name: '年度' }).fill('1800');
    await dialog.getByRole('textbox', { name: '部门名称' }).fill('某局');
    await dialog.getByRole('textbox', { name: '标题' }).fill('不该创建');
    await dialog.getByRole('button', { name: '创建' }).click();
    // The browser's own check stops it: still open, nothing created.
    expect(await dialog.isVisible()).toBe(true);
    expect((await api(h.server, 'GET', '/api/docs', { token: owner })).body).not.toContainEqual(expect.objectContaining({ title: '不该创建' }));

    await dialog.getByRole('radio', { name: '复制现有文档' }).check();
    await dialog.getByRole('combobox', { name: '要复制的文档' }).selectOption(ids.other!);
    // An empty title takes the source's with （副本）.
    await dialog.getByRole('textbox', { name: '标题' }).fill('');
    await dialog.getByRole('button', { name: '创建' }).click();
    await page.waitForURL(/\/docs\/[a-z0-9]+$/);
    await page.locator('[data-testid="sync-status"][data-state="synced"]').waitFor({ timeout: UI_TIMEOUT });
    await expect.poll(() => page.locator('[data-testid="doc-title"]').textContent(), { timeout: UI_TIMEOUT }).toContain('滦南县教育局2024年部门预算绩效文本（副本）');
    expect(page.url()).not.toContain(ids.other);
  });

  it('looks right at 1440×900 and 1024×768 (screenshots in .tmp/screens)', async () => {
    mkdirSync(SCREENS, { recursive: true });
    for (const viewport of [{ width: 1440, height: 900 }, { width: 1024, height: 768 }]) {
      const page = await openList(viewport);
      await page.screenshot({ path: `${SCREENS}/doc-list-${viewport.width}.png` });
      // Nothing spills sideways at either width.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await page.getByRole('button', { name: '新建', exact: true }).click();
      await page.screenshot({ path: `${SCREENS}/doc-list-new-${viewport.width}.png` });
    }
  });
});
