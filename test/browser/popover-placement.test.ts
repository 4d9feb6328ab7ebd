import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BudgetText } from '../../shared/model/index.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { makeLargeBudgetText } from '../fixtures/make-large-budget-text.ts';
import { api, type TestServer } from '../helpers/test-server.ts';
import { UI_TIMEOUT, useBrowserHarness } from '../helpers/browser-harness.ts';

type Box = { x: number; y: number; width: number; height: number };

// Half a pixel of slack: touching edges are not covering.
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;

describe('popovers never cover the grid’s headers or the side panel', () => {
  const h = useBrowserHarness();
  let server: TestServer;
  let editor: string;

  beforeAll(async () => {
    server = h.server;
    editor = await server.tokenFor('bob', 'editor', '李四');
  });

  const newDoc = async (body: BudgetText) => ((await api(server, 'POST', '/api/docs', { token: await server.tokenFor('alice', 'owner', '张三'), body })).body as { id: string }).id;

  async function openWithPanel(body: BudgetText, width: number, height: number): Promise<Page> {
    const page = await h.openDoc(await newDoc(body), editor, 'bob');
    await page.setViewportSize({ width, height });
    await page.locator('[data-testid="problems-toggle"]').click();
    await page.locator('[data-testid="problems-panel"]').waitFor({ timeout: UI_TIMEOUT });
    return page;
  }

  /** The popover is on screen and covers none of: the document header, the grid's column headers, the side panel, its own cell. */
  async function expectClear(page: Page, popover: Locator, anchor: Locator, grid: Locator): Promise<void> {
    await expect.poll(() => popover.evaluate((el) => el.matches(':popover-open')), { timeout: UI_TIMEOUT }).toBe(true);
    const box = (await popover.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(page.viewportSize()!.height);
    const blockers = { header: page.locator('budget-document header').first(), columnHeaders: grid.locator('[role="row"].head'), panel: page.locator('[data-testid="problems-panel"]'), anchor };
    for (const [name, blocker] of Object.entries(blockers)) {
      const other = (await blocker.boundingBox())!;
      expect(overlaps(box, other), `${name}: popover ${JSON.stringify(box)} over ${JSON.stringify(other)}`).toBe(false);
    }
  }

  it('the finding popover of a cell beside the side panel moves left of the panel (1024 px)', async () => {
    const text = makeSmallBudgetText();
    text.projects[0]!.indicators[0]!.basis = '';
    const page = await openWithPanel(text, 1024, 768);
    const cell = page.locator('[data-testid="cell-p-reception-r-qty-basis"]');
    await expect.poll(() => cell.getAttribute('class'), { timeout: UI_TIMEOUT }).toContain('finding-warning');
    // The cell level with the (short, sticky) panel, below the one-line header and the column headers.
    const { y } = (await cell.boundingBox())!;
    await page.evaluate((dy) => window.scrollBy(0, dy), y - 160);
    await cell.hover();
    const popover = page.locator('[data-testid="finding-popover"]').filter({ hasText: '指标值确定依据' });
    await expectClear(page, popover, cell, page.getByRole('grid', { name: '接待管理经费' }));
  });

  it('the comment box near the sticky headers of a scrolled table, at the top, middle and bottom of a short window', async () => {
    const page = await openWithPanel(makeLargeBudgetText(2, 30), 1024, 480);
    const grid = page.getByRole('grid', { name: '示范项目1' });
    const cell = page.locator('[data-testid="cell-p1-p1r15-basis"]');
    const composer = page.locator('comment-composer');
    for (const fraction of [0.3, 0.55, 0.85]) {
      await cell.scrollIntoViewIfNeeded();
      const { y } = (await cell.boundingBox())!;
      await page.evaluate((dy) => window.scrollBy(0, dy), y - 480 * fraction);
      await cell.click();
      await page.keyboard.press('Control+Alt+KeyM');
      await expectClear(page, composer, cell, grid);
      await page.keyboard.press('Escape');
      await expect.poll(() => composer.evaluate((el) => el.matches(':popover-open')), { timeout: UI_TIMEOUT }).toBe(false);
    }
  });
});
