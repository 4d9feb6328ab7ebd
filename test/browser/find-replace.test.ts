import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BudgetText } from '../../shared/model/index.ts';
import { makeLargeBudgetText } from '../fixtures/make-large-budget-text.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { api, type TestServer } from '../helpers/test-server.ts';
import { seriousA11yViolations } from '../helpers/axe.ts';
import { UI_TIMEOUT, useBrowserHarness } from '../helpers/browser-harness.ts';

describe('find and replace over the whole document (Ctrl+F, Ctrl+H)', () => {
  const h = useBrowserHarness();
  let server: TestServer;
  let owner: string;

  beforeAll(async () => {
    server = h.server;
    owner = await server.tokenFor('alice', 'owner', '张三');
  });

  const newDoc = async (body: BudgetText = makeSmallBudgetText()) => ((await api(server, 'POST', '/api/docs', { token: owner, body })).body as { id: string }).id;
  const saved = async (id: string) => (await api(server, 'GET', `/api/docs/${id}`, { token: owner })).body as BudgetText;
  const bases = async (id: string) => (await saved(id)).projects.flatMap((p) => p.indicators.map((r) => r.basis));
  const open = async (id: string, role: 'editor' | 'reviewer' = 'editor') => {
    const page = await h.openDoc(id, await server.tokenFor(role === 'editor' ? 'bob' : 'dave', role, role === 'editor' ? '李四' : '赵六'), role);
    page.setDefaultTimeout(UI_TIMEOUT);
    return page;
  };
  const search = (page: Page) => page.getByRole('search', { name: '查找和替换' });
  const activeTestId = (page: Page) =>
    page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.getAttribute('data-testid') ?? null;
    });
  const activeCell = (page: Page) => page.locator('[role="gridcell"].active').getAttribute('data-testid');

  it('counts matches in every cell, goes through them with Enter / Shift+Enter and keeps the keyboard in the find field', async () => {
    const id = await newDoc();
    const page = await open(id);
    await page.keyboard.press('Control+F');
    const field = search(page).getByRole('searchbox', { name: '查找' });
    expect(await activeTestId(page)).toBe('find-input');
    await page.keyboard.type('2025年工作计划');
    await expect.poll(() => page.getByTestId('find-count').textContent(), { timeout: UI_TIMEOUT }).toBe('第 1 项，共 6 项');
    await page.keyboard.press('Enter');
    await expect.poll(() => activeCell(page), { timeout: UI_TIMEOUT }).toBe('cell-p-reception-r-qty-basis');
    expect(await activeTestId(page)).toBe('find-input');
    await page.keyboard.press('Enter');
    await expect.poll(() => activeCell(page), { timeout: UI_TIMEOUT }).toBe('cell-p-reception-r-qual-basis');
    expect(await page.getByTestId('find-count').textContent()).toBe('第 2 项，共 6 项');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => page.getByTestId('find-count').textContent(), { timeout: UI_TIMEOUT }).toBe('第 6 项，共 6 项');
    await expect.poll(() => page.locator('[data-testid="project-p-vehicles"] [role="gridcell"].active').getAttribute('data-testid'), { timeout: UI_TIMEOUT }).toBe('cell-p-vehicles-v-soc-basis');

    // Full-width digits find the half-width text unless that option is off; whole-cell needs the whole cell.
    await field.fill('２０２５年工作计划');
    await expect.poll(() => page.getByTestId('find-count').textContent(), { timeout: UI_TIMEOUT }).toBe('第 1 项，共 6 项');
    await search(page).getByRole('checkbox', { name: '忽略大小写和全角/半角' }).uncheck();
    await expect.poll(() => page.getByTestId('find-count').textContent(), { timeout: UI_TIMEOUT }).toBe('无匹配项');
    await field.fill('工作计划');
    await search(page).getByRole('checkbox', { name: '单元格完全匹配' }).check();
    await expect.poll(() => page.getByTestId('find-count').textContent(), { timeout: UI_TIMEOUT }).toBe('无匹配项');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Esc closes the bar and gives the keyboard back.
    await page.keyboard.press('Escape');
    expect(await search(page).isVisible()).toBe(false);
  });

  it('replaces all as one undo step, and one at a time', async () => {
    const id = await newDoc();
    const page = await open(id);
    await page.locator('[data-testid="cell-p-reception-r-qty-name"]').click();
    await page.keyboard.press('Control+H');
    await page.keyboard.type('2025年工作计划');
    await search(page).getByRole('textbox', { name: '替换为' }).fill('2026年工作计划');
    await search(page).getByRole('button', { name: '全部替换' }).click();
    await expect.poll(() => page.getByTestId('find-message').textContent(), { timeout: UI_TIMEOUT }).toBe('已替换 6 处');
    await expect.poll(async () => (await bases(id)).filter((b) => b === '2026年工作计划').length, { timeout: UI_TIMEOUT }).toBe(6);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Z');
    await expect.poll(async () => (await bases(id)).filter((b) => b === '2025年工作计划').length, { timeout: UI_TIMEOUT }).toBe(6);

    // One at a time, in a narrative section and a cell: only the current occurrence changes.
    await page.keyboard.press('Control+H');
    await search(page).getByRole('textbox', { name: '替换为' }).fill('接洽');
    await search(page).getByRole('searchbox', { name: '查找' }).fill('接待');
    await page.keyboard.press('Enter');
    await search(page).getByRole('button', { name: '替换', exact: true }).click();
    await expect.poll(async () => (await saved(id)).overview.subGoals, { timeout: UI_TIMEOUT }).toBe('接洽管理：年度接待45批次，接待工作按时按质完成率100%。');
    await search(page).getByRole('button', { name: '替换', exact: true }).click();
    await expect.poll(async () => (await saved(id)).overview.subGoals, { timeout: UI_TIMEOUT }).toBe('接洽管理：年度接洽45批次，接待工作按时按质完成率100%。');
  });

  it('finds and shows a match in a project that is not rendered yet', async () => {
    const id = await newDoc(makeLargeBudgetText());
    const page = await open(id);
    expect(await page.locator('[data-testid="cell-p50-p50r29-name"]').count()).toBe(0);
    await page.keyboard.press('Control+F');
    await page.keyboard.type('服务对象满意度50-29');
    await search(page).getByRole('checkbox', { name: '单元格完全匹配' }).check();
    await expect.poll(() => page.getByTestId('find-count').textContent(), { timeout: UI_TIMEOUT }).toBe('第 1 项，共 1 项');
    await search(page).getByRole('searchbox', { name: '查找' }).press('Enter');
    const cell = page.locator('[data-testid="cell-p50-p50r29-name"]');
    await expect.poll(() => cell.getAttribute('class'), { timeout: UI_TIMEOUT }).toContain('active');
    expect(await cell.isVisible()).toBe(true);
    const box = await cell.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= 1000).toBe(true);
  });

  it('skips what the person may not edit and says so', async () => {
    const id = await newDoc();
    const page = await open(id, 'reviewer');
    await page.keyboard.press('Control+H');
    await page.keyboard.type('2025年工作计划');
    await search(page).getByRole('textbox', { name: '替换为' }).fill('改');
    await search(page).getByRole('button', { name: '全部替换' }).click();
    await expect.poll(() => page.getByTestId('find-message').textContent(), { timeout: UI_TIMEOUT }).toBe('没有可替换的匹配项；6 处无权修改，已跳过');
    expect((await bases(id)).filter((b) => b === '2025年工作计划')).toHaveLength(6);
  });
});
