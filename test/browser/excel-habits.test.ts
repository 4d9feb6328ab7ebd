import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { api, type TestServer } from '../helpers/test-server.ts';
import { UI_TIMEOUT, useBrowserHarness } from '../helpers/browser-harness.ts';
import { makeLargeBudgetText } from '../fixtures/make-large-budget-text.ts';
import type { BudgetText } from '../../shared/model/index.ts';

describe('what Excel users reach for first', () => {
  const h = useBrowserHarness();
  let server: TestServer;
  let owner: string;

  beforeAll(async () => {
    server = h.server;
    owner = await server.tokenFor('alice', 'owner', '张三');
  });

  const newDoc = async (body: BudgetText = makeSmallBudgetText()) => ((await api(server, 'POST', '/api/docs', { token: owner, body })).body as { id: string }).id;
  const saved = async (id: string) => (await api(server, 'GET', `/api/docs/${id}`, { token: owner })).body as BudgetText;
  const row = async (id: string, indicator: string) => (await saved(id)).projects[0]!.indicators.find((r) => r.id === indicator)!;
  const cell = (page: Page, indicator: string, field: string) => page.locator(`[data-testid="cell-p-reception-${indicator}-${field}"]`);
  const valueOf = async (id: string, indicator: string) =>
    ((await api(server, 'GET', `/api/docs/${id}`, { token: owner })).body as ReturnType<typeof makeSmallBudgetText>).projects[0]!.indicators.find((r) => r.id === indicator)!.value;

  async function openAsEditor(id: string): Promise<Page> {
    const page = await h.openDoc(id, await server.tokenFor('bob', 'editor', '李四'), 'bob');
    page.setDefaultTimeout(UI_TIMEOUT);
    return page;
  }

  it('gives the comment box the keyboard (shortcut and menu) and gives it back to the cell', async () => {
    const id = await newDoc();
    const bob = await openAsEditor(id);
    await cell(bob, 'r-qty', 'value').click();
    await bob.keyboard.press('Control+Alt+KeyM');
    await bob.keyboard.type('请核实');
    const composer = bob.getByRole('dialog');
    expect(await composer.getByRole('combobox').inputValue()).toBe('请核实');
    await bob.keyboard.press('Escape');
    await expect.poll(() => cell(bob, 'r-qty', 'value').evaluate((el) => el.matches(':focus')), { timeout: UI_TIMEOUT }).toBe(true);
    expect(await valueOf(id, 'r-qty')).toBe('≥45批次');

    // The same from the context menu's 添加批注.
    await cell(bob, 'r-qty', 'value').click({ button: 'right' });
    await bob.getByRole('menuitem', { name: /批注/ }).first().click();
    await bob.keyboard.type('第二条');
    expect(await composer.getByRole('combobox').inputValue()).toBe('第二条');
    await bob.keyboard.press('Control+Enter');
    await expect.poll(() => cell(bob, 'r-qty', 'value').evaluate((el) => el.matches(':focus')), { timeout: UI_TIMEOUT }).toBe(true);
    expect(await valueOf(id, 'r-qty')).toBe('≥45批次');
  });

  it('keeps the column headers on screen below a one-line document header while the table is', async () => {
    const id = await newDoc(makeLargeBudgetText(3, 30));
    const bob = await openAsEditor(id);
    await bob.setViewportSize({ width: 1024, height: 768 });
    const header = bob.locator('budget-document header').first();
    const tall = (await header.boundingBox())!.height;
    // Scroll into the middle of the first table: its header row would be far above the window.
    await bob.locator('[data-testid="cell-p1-p1r20-name"]').scrollIntoViewIfNeeded();
    await expect.poll(async () => (await header.boundingBox())!.height, { timeout: UI_TIMEOUT }).toBeLessThan(60);
    expect(tall).toBeGreaterThan(120);
    const grid = bob.getByRole('grid', { name: '示范项目1' });
    const head = grid.getByRole('columnheader', { name: '指标值', exact: true });
    const box = (await head.boundingBox())!;
    const docHeader = (await header.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(docHeader.y + docHeader.height - 1);
    expect(box.y).toBeLessThan(docHeader.y + docHeader.height + 4);
    // Nothing covers it: the point at its centre belongs to the header cell.
    const hit = await bob.evaluate(([x, y]) => {
      let el: Element | null = document.elementFromPoint(x!, y!);
      while (el?.shadowRoot) {
        const inner = el.shadowRoot.elementFromPoint(x!, y!);
        if (!inner || inner === el) break;
        el = inner;
      }
      return el?.textContent ?? '';
    }, [box.x + box.width / 2, box.y + box.height / 2]);
    expect(hit).toBe('指标值');
    // Back at the top the header shows in full again.
    await bob.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(async () => (await header.boundingBox())!.height, { timeout: UI_TIMEOUT }).toBeGreaterThan(120);
  });

  it('shows 万元 amounts as 17,765.74 and the raw number in the editor', async () => {
    const id = await newDoc();
    const bob = await openAsEditor(id);
    const total = bob.locator('[data-testid="project-p-reception-total"]');
    const shown = bob.locator('[data-testid="project-p-reception-total-shown"]');
    expect(await shown.textContent()).toBe('20.00');
    expect(await total.evaluate((el) => getComputedStyle(el).color)).toBe('rgba(0, 0, 0, 0)');
    expect(await bob.locator('[data-testid="totals-total"]').textContent()).toBe('28.50 万元');
    await total.click();
    expect(await total.inputValue()).toBe('20');
    expect(await shown.count()).toBe(0);
    await bob.keyboard.press('Control+A');
    await bob.keyboard.type('17765.74');
    await bob.keyboard.press('Tab');
    expect(await shown.textContent()).toBe('17,765.74');
    expect(await total.evaluate((el) => getComputedStyle(el).textAlign)).toBe('right');
    expect(await shown.evaluate((el) => getComputedStyle(el).justifyContent)).toBe('flex-end');
    await expect.poll(() => bob.locator('[data-testid="totals-total"]').textContent(), { timeout: UI_TIMEOUT }).toBe('17,774.24 万元');
    await expect.poll(async () => (await saved(id)).projects[0]!.budget.total, { timeout: UI_TIMEOUT }).toBe(17765.74);
  });

  it('fills down and right (Ctrl+D, Ctrl+R) as one undo step and sums the selection', async () => {
    const id = await newDoc();
    const bob = await openAsEditor(id);
    await cell(bob, 'r-qty', 'basis').click();
    await cell(bob, 'r-cost', 'basis').click({ modifiers: ['Shift'] });
    await bob.keyboard.press('Control+D');
    await expect.poll(async () => (await row(id, 'r-cost')).basis, { timeout: UI_TIMEOUT }).toBe('2025年工作计划');
    expect(await cell(bob, 'r-cost', 'basis').textContent()).toBe('2025年工作计划');
    await bob.keyboard.press('Control+Z');
    await expect.poll(async () => (await row(id, 'r-cost')).basis, { timeout: UI_TIMEOUT }).toBe('年初预算安排');

    await cell(bob, 'r-qty', 'name').click();
    await cell(bob, 'r-qty', 'description').click({ modifiers: ['Shift'] });
    await bob.keyboard.press('Control+R');
    await expect.poll(async () => (await row(id, 'r-qty')).description, { timeout: UI_TIMEOUT }).toBe('接待批次');

    // The status line: 计数 over non-blank cells, 求和 / 平均值 over those holding numbers.
    await cell(bob, 'r-qty', 'value').click();
    await bob.keyboard.press('F2');
    await bob.keyboard.press('Control+A');
    await bob.keyboard.type('1,200.5');
    await bob.keyboard.press('Enter');
    await cell(bob, 'r-qual', 'value').click();
    await bob.keyboard.press('F2');
    await bob.keyboard.press('Control+A');
    await bob.keyboard.type('99.5');
    await bob.keyboard.press('Enter');
    await cell(bob, 'r-qty', 'value').click();
    await cell(bob, 'r-time', 'value').click({ modifiers: ['Shift'] });
    const stats = bob.getByTestId('selection-stats').first();
    expect(await stats.getByTestId('stat-count').textContent()).toBe('3');
    expect(await stats.getByTestId('stat-sum').textContent()).toBe('1,300.00');
    expect(await stats.getByTestId('stat-average').textContent()).toBe('650.00');
  });

  it('numbers rows as row headers outside the data columns and draws runs of equal 一级指标 once', async () => {
    const id = await newDoc();
    const bob = await openAsEditor(id);
    const grid = bob.getByRole('grid', { name: '接待管理经费' });
    const rows = grid.getByRole('row');
    expect(await rows.nth(2).getByRole('rowheader').textContent()).toBe('2');
    expect(await rows.nth(2).getByRole('rowheader').getAttribute('aria-colindex')).toBeNull();
    expect(await grid.getByRole('columnheader').allTextContents()).toEqual(['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据']);
    expect(await cell(bob, 'r-qty', 'level1').getAttribute('aria-colindex')).toBe('1');
    // 产出指标 on rows 1–4: the value shows on the first row only, yet every row keeps its text.
    const colour = (indicator: string) => cell(bob, indicator, 'level1').evaluate((el) => getComputedStyle(el).color);
    expect(await colour('r-qty')).not.toBe('rgba(0, 0, 0, 0)');
    expect(await colour('r-qual')).toBe('rgba(0, 0, 0, 0)');
    expect(await cell(bob, 'r-qual', 'level1').textContent()).toBe('产出指标');
    expect(await colour('r-soc')).not.toBe('rgba(0, 0, 0, 0)');
    // A click on a row number selects the row.
    await rows.nth(3).getByRole('rowheader').click();
    expect(await rows.nth(3).locator('[role="gridcell"][aria-selected="true"]').count()).toBe(6);
  });

  it('offers 剪切 / 复制 / 粘贴 / 清除内容 in the context menu, which stays on screen near the edge', async () => {
    const id = await newDoc();
    const bob = await openAsEditor(id);
    await bob.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await cell(bob, 'r-qty', 'basis').click({ button: 'right' });
    const menu = bob.getByRole('menu');
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('剪切'), expect.stringContaining('复制'), expect.stringContaining('粘贴'), expect.stringContaining('清除内容')]));
    await menu.getByTestId('row-menu-copy').click();
    await cell(bob, 'r-cost', 'basis').click({ button: 'right' });
    await menu.getByTestId('row-menu-paste').click();
    await expect.poll(async () => (await row(id, 'r-cost')).basis, { timeout: UI_TIMEOUT }).toBe('2025年工作计划');
    await cell(bob, 'r-cost', 'basis').click({ button: 'right' });
    await menu.getByTestId('row-menu-clear').click();
    await expect.poll(async () => (await row(id, 'r-cost')).basis, { timeout: UI_TIMEOUT }).toBe('');

    // Opened at the bottom-right corner of the window, the menu flips up and left to stay inside it.
    const cellBox = (await cell(bob, 'r-sat', 'basis').boundingBox())!;
    await bob.setViewportSize({ width: 1400, height: Math.round(cellBox.y + cellBox.height / 2 + 20) });
    await cell(bob, 'r-sat', 'basis').click({ button: 'right', position: { x: cellBox.width - 4, y: cellBox.height / 2 } });
    const box = (await menu.boundingBox())!;
    const size = bob.viewportSize()!;
    expect(box.x + box.width).toBeLessThanOrEqual(size.width);
    expect(box.y + box.height).toBeLessThanOrEqual(size.height);
    expect(box.y).toBeGreaterThanOrEqual(0);
  });

  it("keeps a colleague's name out of a cell's accessible name and announces it apart", async () => {
    const id = await newDoc();
    const bob = await openAsEditor(id);
    const carol = await h.openDoc(id, await server.tokenFor('carol', 'editor', '王五'), 'carol');
    await cell(carol, 'r-time', 'basis').click();
    const tag = cell(bob, 'r-time', 'basis').locator('[data-testid="peer-cursor-carol"]');
    await expect.poll(() => tag.textContent(), { timeout: UI_TIMEOUT }).toBe('王五');
    expect(await bob.getByRole('gridcell', { name: '2025年工作计划', exact: true }).count()).toBe(6);
    expect(await bob.getByRole('gridcell', { name: /王五/ }).count()).toBe(0);
    expect(await bob.getByTestId('presence-announce').first().textContent()).toBe('王五 在第 3 行「指标值确定依据」');
  });

  it('clips nothing at 1024 px, in English too: the project code and the plan unit list', async () => {
    const id = await newDoc();
    const bob = await openAsEditor(id);
    await bob.setViewportSize({ width: 1024, height: 768 });
    await bob.getByRole('button', { name: 'English' }).click();
    await bob.getByRole('grid').first().getByRole('columnheader', { name: 'Level 1', exact: false }).first().waitFor();
    const code = bob.locator('[data-testid="project-p-reception-code"]');
    expect(await code.evaluate((el) => (el as HTMLInputElement).scrollWidth <= (el as HTMLInputElement).clientWidth)).toBe(true);
    const unit = bob.locator('[data-testid="project-p-reception-planUnit"]');
    await unit.selectOption('amount');
    // The chosen option's text fits inside the list box (minus its arrow).
    const fits = await unit.evaluate((el) => {
      const select = el as HTMLSelectElement;
      const probe = document.createElement('span');
      probe.style.font = getComputedStyle(select).font;
      probe.style.whiteSpace = 'nowrap';
      probe.textContent = select.selectedOptions[0]?.textContent ?? '';
      document.body.append(probe);
      const width = probe.getBoundingClientRect().width;
      probe.remove();
      return width + 20 <= select.clientWidth;
    });
    expect(fits).toBe(true);
  });

  it('gives the inline ✓/✗ of a suggestion a 24×24 px target', async () => {
    const id = await newDoc();
    const dave = await server.tokenFor('dave', 'reviewer', '赵六');
    await api(server, 'POST', `/api/docs/${id}/suggestions`, { token: dave, body: { project: 'p-reception', indicator: 'r-qty', field: 'value', value: '≥48批次' } });
    const bob = await openAsEditor(id);
    const accept = cell(bob, 'r-qty', 'value').getByTestId('suggestion-accept');
    await accept.waitFor({ timeout: UI_TIMEOUT });
    for (const button of [accept, cell(bob, 'r-qty', 'value').getByTestId('suggestion-reject')]) {
      const box = (await button.boundingBox())!;
      expect(box.width).toBeGreaterThanOrEqual(24);
      expect(box.height).toBeGreaterThanOrEqual(24);
    }
  });
});
