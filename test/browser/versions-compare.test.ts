import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { api, type TestServer } from '../helpers/test-server.ts';
import { seriousA11yViolations } from '../helpers/axe.ts';
import { UI_TIMEOUT, useBrowserHarness } from '../helpers/browser-harness.ts';


describe('versions: save, compare with the live document, restore', () => {
  const h = useBrowserHarness();
  let server: TestServer;
  let owner: string;

  beforeAll(async () => {
    server = h.server;
    owner = await server.tokenFor('alice', 'owner', '张三');
  });

  async function openDoc(): Promise<{ page: Page; id: string }> {
    const created = await api(server, 'POST', '/api/docs', { token: owner, body: makeSmallBudgetText() });
    const id = (created.body as { id: string }).id;
    return { page: await h.openDoc(id, owner), id };
  }

  const cell = (page: Page, indicator: string, field: string) => page.locator(`[data-testid="cell-p-reception-${indicator}-${field}"]`);
  const saved = (page: Page) => page.locator('[data-testid="sync-status"][data-state="synced"]').waitFor({ timeout: UI_TIMEOUT });

  it('saves a version, shows what changed since, steps through the changes, and restores it live', async () => {
    const { page, id } = await openDoc();
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));

    // 保存版本 asks for a name and lists the version, newest first.
    await page.getByRole('button', { name: '版本', exact: true }).click();
    const panel = page.getByRole('complementary', { name: '版本' });
    await panel.getByRole('button', { name: '保存版本' }).click();
    const prompt = page.getByRole('dialog');
    await prompt.getByRole('textbox').fill('送审稿 第1版');
    await prompt.getByRole('button', { name: '保存' }).click();
    const version = page.locator('[data-testid="version"]').filter({ hasText: '送审稿 第1版' });
    await version.waitFor({ timeout: UI_TIMEOUT });
    expect(await version.locator('[data-testid="version-kind"]').textContent()).toBe('手动');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Edit a cell and a narrative text.
    await cell(page, 'r-qty', 'value').click();
    await page.keyboard.press('F2');
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('≥50批次');
    await page.keyboard.press('Enter');
    const section = page.locator('[data-testid="section-safeguards"]');
    await section.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('补充一句');
    await saved(page);

    // 对比 with the current document.
    // One 对比 action: the current document or another version.
    await version.getByRole('button', { name: '对比', exact: true }).click();
    await version.getByRole('link', { name: '与当前文档对比' }).click();
    await page.waitForURL(/\/compare\?from=/);
    const summary = page.locator('[data-testid="diff-summary"]');
    await summary.waitFor({ timeout: UI_TIMEOUT });
    expect(await summary.textContent()).toBe('1 个文字部分有变化，1 个项目有变化，1 个单元格');
    const changed = page.locator('[data-testid="diff-cell-changed"]');
    expect(await changed.count()).toBe(1);
    expect(await changed.locator('[data-testid="before"]').textContent()).toBe('≥45批次');
    expect(await changed.locator('[data-testid="after"]').textContent()).toBe('≥50批次');
    expect(await page.locator('[data-testid="diff-section-safeguards"] [data-testid="seg-insert"]').allTextContents()).toEqual(['补充一句']);
    // The compare view, as a screen reader or keyboard user meets it: nothing serious.
    expect(await seriousA11yViolations(page)).toEqual([]);

    // 只看有变化的行.
    const rows = page.locator('[data-testid="diff-row"]');
    expect(await rows.count()).toBe(12);
    await page.locator('[data-testid="changed-only"]').check();
    await expect.poll(() => rows.count(), { timeout: UI_TIMEOUT }).toBe(1);
    expect(await rows.first().getAttribute('data-status')).toBe('changed');

    // The page opens at the first change; next change: the button, then the keyboard; the current change is highlighted.
    const position = page.locator('[data-testid="change-position"]');
    await expect.poll(() => position.textContent(), { timeout: UI_TIMEOUT }).toBe('第 1 / 2 处');
    expect(await page.locator('#overview-safeguards').evaluate((el) => el.classList.contains('current'))).toBe(true);
    await page.locator('[data-testid="next-change"]').click();
    await expect.poll(() => position.textContent(), { timeout: UI_TIMEOUT }).toBe('第 2 / 2 处');
    expect(await changed.evaluate((el) => el.classList.contains('current'))).toBe(true);
    await page.keyboard.press('n');
    await expect.poll(() => position.textContent(), { timeout: UI_TIMEOUT }).toBe('第 1 / 2 处');
    await page.keyboard.press('[');
    await expect.poll(() => position.textContent(), { timeout: UI_TIMEOUT }).toBe('第 2 / 2 处');

    // Back in the document, 恢复 the version: the page updates without a reload, and the toast can undo it.
    await page.locator('[data-testid="compare-back"]').click();
    await page.waitForURL(new RegExp(`/docs/${id}$`));
    await page.locator('[data-testid="versions-toggle"]').click();
    await page.locator('[data-testid="version"]').filter({ hasText: '送审稿 第1版' }).locator('[data-testid="version-restore"]').click();
    await page.locator('[data-testid="prompt-confirm"]').click();
    await expect.poll(() => cell(page, 'r-qty', 'value').textContent(), { timeout: UI_TIMEOUT }).toContain('≥45批次');
    await expect.poll(() => section.inputValue(), { timeout: UI_TIMEOUT }).toBe(makeSmallBudgetText().overview.safeguards);
    expect(await page.locator('[data-testid="toast-message"]').textContent()).toBe('已恢复；可恢复到恢复前版本撤销');
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
    await expect.poll(() => page.locator('[data-testid="version-kind"]').allTextContents(), { timeout: UI_TIMEOUT }).toContain('恢复');

    await page.locator('[data-testid="toast-action"]').click();
    await expect.poll(() => cell(page, 'r-qty', 'value').textContent(), { timeout: UI_TIMEOUT }).toContain('≥50批次');
  });

  it('compares two saved versions picked in the panel, and changes sides with the pickers', async () => {
    const { page, id } = await openDoc();
    const v1 = ((await api(server, 'POST', `/api/docs/${id}/versions`, { token: owner, body: { label: '第1版' } })).body as { id: string }).id;
    await cell(page, 'r-qual', 'basis').click();
    await page.keyboard.press('F2');
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('接待工作规范');
    await page.keyboard.press('Enter');
    await saved(page);
    const v2 = ((await api(server, 'POST', `/api/docs/${id}/versions`, { token: owner, body: { label: '第2版' } })).body as { id: string }).id;

    await page.locator('[data-testid="versions-toggle"]').click();
    const first = page.locator('[data-testid="version"]').filter({ hasText: '第1版' });
    await first.locator('[data-testid="version-compare"]').click();
    await first.locator('[data-testid="version-pick"]').filter({ hasText: '第2版' }).click();
    await page.waitForURL(new RegExp(`from=${v1}&to=${v2}$`));
    await expect.poll(() => page.locator('[data-testid="diff-summary"]').textContent(), { timeout: UI_TIMEOUT }).toBe('1 个项目有变化，1 个单元格');

    await page.locator('[data-testid="compare-to"]').selectOption(v1);
    await expect.poll(() => page.locator('[data-testid="diff-summary"]').textContent(), { timeout: UI_TIMEOUT }).toBe('无变化');
    expect(new URL(page.url()).searchParams.get('to')).toBe(v1);
  });
});
