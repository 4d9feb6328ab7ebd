import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { seriousA11yViolations } from '../helpers/axe.ts';
import { UI_TIMEOUT, useBrowserHarness } from '../helpers/browser-harness.ts';
import { api } from '../helpers/test-server.ts';

describe('column widths: drag the header border or use the keyboard; remembered per person and document', () => {
  const h = useBrowserHarness();
  let alice: string;
  let id: string;
  let other: string;

  beforeAll(async () => {
    alice = await h.server.tokenFor('alice', 'owner', '张三');
    const create = async () => ((await api(h.server, 'POST', '/api/docs', { token: alice, body: makeSmallBudgetText() })).body as { id: string }).id;
    id = await create();
    other = await create();
  });

  const header = (page: Page, project: string, field: string) => page.locator(`[data-testid="project-${project}"] [data-testid="colhead-${field}"]`);
  const width = async (page: Page, project: string, field: string) => Math.round((await header(page, project, field).boundingBox())!.width);
  const cellWidth = async (page: Page, indicator: string, field: string) => Math.round((await page.locator(`[data-testid="cell-p-reception-${indicator}-${field}"]`).boundingBox())!.width);

  it('drags a column wider in every table, and the width is there again after a reload, for this person and document only', async () => {
    const page = await h.openDoc(id, alice);
    const before = await width(page, 'p-reception', 'name');
    await header(page, 'p-reception', 'name').scrollIntoViewIfNeeded();
    const handle = (await header(page, 'p-reception', 'name').locator('[data-testid="col-resize-name"]').boundingBox())!;
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(handle.x + handle.width / 2 + 60, handle.y + handle.height / 2, { steps: 4 });
    await page.mouse.move(handle.x + handle.width / 2 + 120, handle.y + handle.height / 2, { steps: 4 });
    await page.mouse.up();
    expect(await width(page, 'p-reception', 'name')).toBe(before + 120);
    // The cells below follow, and so does the other project's table.
    expect(await cellWidth(page, 'r-qty', 'name')).toBe(before + 120);
    expect(await width(page, 'p-vehicles', 'name')).toBe(before + 120);
    // Dragging the border selected nothing and edited nothing.
    expect(await page.locator('[data-testid="cell-p-reception-r-qty-name"]').textContent()).toContain('接待批次');

    await page.reload();
    await page.locator('[data-testid="sync-status"][data-state="synced"]').waitFor();
    await expect.poll(() => width(page, 'p-reception', 'name'), { timeout: UI_TIMEOUT }).toBe(before + 120);

    const elsewhere = await h.openDoc(other, alice);
    expect(await width(elsewhere, 'p-reception', 'name')).toBe(before);
    const bob = await h.openDoc(id, await h.server.tokenFor('bob', 'editor', '李四'));
    expect(await width(bob, 'p-reception', 'name')).toBe(before);
  });

  it('resizes with the keyboard: ← / → on the focused border, Home for the default width', async () => {
    const page = await h.openDoc(other, alice);
    const before = await width(page, 'p-reception', 'value');
    const border = header(page, 'p-reception', 'value').getByRole('separator', { name: /调整“指标值”列宽/ });
    await border.focus();
    expect(await border.getAttribute('aria-valuenow')).toBe(String(before));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => width(page, 'p-reception', 'value'), { timeout: UI_TIMEOUT }).toBe(before + 32);
    await expect.poll(() => border.getAttribute('aria-valuenow'), { timeout: UI_TIMEOUT }).toBe(String(before + 32));
    await page.keyboard.press('Shift+ArrowLeft');
    await expect.poll(() => width(page, 'p-reception', 'value'), { timeout: UI_TIMEOUT }).toBe(before + 32 - 64);
    // The keys moved the border, not the grid's active cell.
    expect(await border.evaluate((el) => el.matches(':focus'))).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.keyboard.press('Home');
    await expect.poll(() => width(page, 'p-reception', 'value'), { timeout: UI_TIMEOUT }).toBe(before);
  });
});
