import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BudgetText } from '../../shared/model/budget-text-schema.ts';
import { seriousA11yViolations } from '../helpers/axe.ts';
import { UI_TIMEOUT, useBrowserHarness } from '../helpers/browser-harness.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { api } from '../helpers/test-server.ts';

const P = 'p-reception';
const SCREENS = '.tmp/screens';

describe('the 指标库 panel beside the grid', () => {
  const h = useBrowserHarness();
  let owner = '';

  beforeAll(async () => {
    owner = await h.server.tokenFor('alice', 'owner', '张三');
  });

  const cell = (page: Page, row: string, field: string) => page.locator(`[data-testid="cell-${P}-${row}-${field}"]`);
  const panel = (page: Page) => page.locator('[data-testid="library-panel"]');
  const options = (page: Page) => page.locator('[data-testid="library-option"]');
  const activeTestId = (page: Page) =>
    page.evaluate(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.closest('[data-testid]')?.getAttribute('data-testid') ?? null;
    });
  const rows = async (docId: string) => ((await api(h.server, 'GET', `/api/docs/${docId}`, { token: owner })).body as BudgetText).projects[0]?.indicators ?? [];

  async function openFresh(token = owner): Promise<{ page: Page; docId: string }> {
    const docId = ((await api(h.server, 'POST', '/api/docs', { token: owner, body: makeSmallBudgetText() })).body as { id: string }).id;
    const page = await h.openDoc(docId, token);
    await cell(page, 'r-qty', 'level2').waitFor({ timeout: UI_TIMEOUT });
    return { page, docId };
  }

  it('opens with Ctrl+K in a row, narrows to its 二级指标, finds by pinyin initials, inserts below with Enter; Ctrl+Z takes the row back whole', async () => {
    const { page, docId } = await openFresh();
    await cell(page, 'r-qty', 'level2').click();
    await page.keyboard.press('Control+K');
    await panel(page).waitFor({ timeout: UI_TIMEOUT });
    expect(await activeTestId(page)).toBe('library-search');
    await expect.poll(() => panel(page).locator('[data-testid="library-context"]').textContent(), { timeout: UI_TIMEOUT }).toContain('第 1 行');
    // Narrowed to 数量指标 by default: only that 二级指标's entries.
    await expect.poll(async () => (await options(page).allTextContents()).length, { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
    for (const text of await options(page).allTextContents()) expect(text).toContain('数量指标');

    await page.keyboard.type('jrcl');
    await expect.poll(() => options(page).first().textContent(), { timeout: UI_TIMEOUT }).toContain('接入车辆数');
    mkdirSync(SCREENS, { recursive: true });
    await page.screenshot({ path: `${SCREENS}/library-panel-1400.png` });
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.keyboard.press('Enter');
    await expect.poll(async () => (await rows(docId)).map((r) => r.name), { timeout: UI_TIMEOUT }).toEqual(['接待批次', '接入车辆数', '接待工作按时按质完成率', '完成时限', '接待经费', '公务活动保障率', '接待对象满意度']);
    const added = (await rows(docId))[1];
    expect(added).toMatchObject({ level1: '产出指标', level2: '数量指标', description: '接入平台的公务车辆', value: '≥120辆', basis: '2025年工作计划' });
    await expect.poll(() => panel(page).locator('[data-testid="library-status"]').textContent(), { timeout: UI_TIMEOUT }).toContain('已插入第 2 行');

    // Esc goes back to the grid, on the row just inserted; Ctrl+Z removes all of it in one step.
    await page.keyboard.press('Escape');
    await expect(panel(page).count()).resolves.toBe(0);
    expect(await activeTestId(page)).toBe(`cell-${P}-${added?.id}-level2`);
    await page.keyboard.press('Control+Z');
    await expect.poll(async () => (await rows(docId)).length, { timeout: UI_TIMEOUT }).toBe(6);
    expect(await page.locator(`[data-testid="row-${P}-${added?.id}"]`).count()).toBe(0);
  });

  it('fills the current row with Shift+Enter across every 二级指标, as one undo step', async () => {
    const { page, docId } = await openFresh();
    await cell(page, 'r-time', 'name').click();
    await page.keyboard.press('Control+K');
    await panel(page).waitFor({ timeout: UI_TIMEOUT });
    // The open panel follows the row picked in the grid.
    await cell(page, 'r-qual', 'name').click();
    await expect.poll(() => panel(page).locator('[data-testid="library-context"]').textContent(), { timeout: UI_TIMEOUT }).toContain('第 2 行');
    await cell(page, 'r-time', 'name').click();
    await expect.poll(() => panel(page).locator('[data-testid="library-context"]').textContent(), { timeout: UI_TIMEOUT }).toContain('第 3 行');
    await panel(page).locator('[data-testid="library-same-level2"]').uncheck();
    await panel(page).locator('[data-testid="library-search"]').focus();
    await page.keyboard.type('jdpc');
    await expect.poll(() => options(page).first().textContent(), { timeout: UI_TIMEOUT }).toContain('接待批次');
    await page.keyboard.press('Shift+Enter');
    await expect.poll(async () => (await rows(docId))[2], { timeout: UI_TIMEOUT }).toMatchObject({ id: 'r-time', level2: '数量指标', name: '接待批次', value: '≥45批次' });
    await page.keyboard.press('Escape');
    expect(await activeTestId(page)).toBe(`cell-${P}-r-time-name`);
    await page.keyboard.press('Control+Z');
    await expect.poll(async () => (await rows(docId))[2], { timeout: UI_TIMEOUT }).toMatchObject({ id: 'r-time', level2: '时效指标', name: '完成时限', value: '2025年12月31日前' });
  });

  it('lets a viewer search but not insert', async () => {
    mkdirSync(SCREENS, { recursive: true });
    const viewer = await h.server.tokenFor('vera', 'viewer', '查看员');
    const { page, docId } = await openFresh(viewer);
    await cell(page, 'r-qty', 'name').click();
    await page.keyboard.press('Control+K');
    await panel(page).waitFor({ timeout: UI_TIMEOUT });
    await expect.poll(async () => options(page).count(), { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
    expect(await panel(page).locator('[data-testid="library-readonly"]').isVisible()).toBe(true);
    expect(await panel(page).locator('[data-testid="library-insert"]').isDisabled()).toBe(true);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Enter');
    expect(await page.locator(`indicator-grid[project-id="${P}"] [role="row"][data-testid]`).count()).toBe(6);
    expect((await rows(docId)).length).toBe(6);
    // Esc back to the cell; the toolbar button opens it too, with the caret in the search box.
    await page.keyboard.press('Escape');
    expect(await activeTestId(page)).toBe(`cell-${P}-r-qty-name`);
    await page.locator('[data-testid="library-toggle"]').click();
    await expect.poll(() => activeTestId(page), { timeout: UI_TIMEOUT }).toBe('library-search');
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: `${SCREENS}/library-panel-readonly-1024.png` });
  });
});
