import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { seriousA11yViolations } from '../helpers/axe.ts';
import { UI_TIMEOUT, useBrowserHarness } from '../helpers/browser-harness.ts';
import { api, type TestServer } from '../helpers/test-server.ts';
import { connectClient } from '../helpers/test-client.ts';
import { addIndicator } from '../../shared/model/mutations.ts';
import { projectsMap, sortedEntries } from '../../shared/model/index.ts';

describe('next year’s draft: made from the editor, 上年指标值 in the grid, compared with last year', () => {
  const h = useBrowserHarness();
  let server: TestServer;
  let owner: string;

  beforeAll(async () => {
    server = h.server;
    owner = await server.tokenFor('alice', 'owner', '张三');
  });

  it('以此为基础新建下一年度文本 opens the draft, every row shows last year’s value read-only, and 与上年对比 shows the change', async () => {
    const source = makeSmallBudgetText();
    const sourceId = ((await api(server, 'POST', '/api/docs', { token: owner, body: source })).body as { id: string }).id;
    const page = await h.openDoc(sourceId, owner);
    // A document without a previous year looks as it always did.
    expect(await page.locator('[data-testid="previous-value"]').count()).toBe(0);
    expect(await page.locator('[data-testid="previous-year"]').count()).toBe(0);

    await page.getByRole('button', { name: '以此为基础新建下一年度文本' }).click();
    await page.waitForURL((url) => /^\/docs\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith(sourceId), { timeout: UI_TIMEOUT });
    const draftId = new URL(page.url()).pathname.split('/').pop() as string;
    await page.locator('[data-testid="sync-status"][data-state="synced"]').waitFor({ timeout: UI_TIMEOUT });
    await expect.poll(() => page.locator('[data-testid="doc-title"]').textContent(), { timeout: UI_TIMEOUT }).toContain('2026年部门预算绩效文本');
    expect(await page.locator('[data-testid="previous-year-doc"]').textContent()).toContain(source.title);

    // Every row of the draft shows 上年指标值 inside its 指标值 cell, under the value.
    const rows = source.projects.flatMap((p) => p.indicators);
    const lines = page.locator('[data-testid="previous-value"]');
    await expect.poll(() => lines.count(), { timeout: UI_TIMEOUT }).toBe(rows.length);
    const valueCells = page.locator('[role="gridcell"][data-testid$="-value"]');
    expect(await valueCells.count()).toBe(rows.length);
    const first = valueCells.first();
    expect(await first.locator('[data-testid="previous-value"]').textContent()).toMatch(new RegExp(`上年\\s*${rows[0]!.value}`));

    // The grid contract is unchanged: six column headers, 指标值 is column 5, arrows step to 指标值确定依据.
    const grid = page.getByRole('grid').first();
    expect(await grid.getByRole('columnheader').count()).toBe(6);
    expect(await first.getAttribute('aria-colindex')).toBe('5');
    await first.click();
    await page.keyboard.press('ArrowRight');
    const basis = page.locator(`[data-testid="${(await first.getAttribute('data-testid'))?.replace(/-value$/, '-basis') ?? ''}"]`);
    await expect.poll(() => basis.getAttribute('tabindex'), { timeout: UI_TIMEOUT }).toBe('0');
    expect(await basis.getAttribute('aria-colindex')).toBe('6');

    // Editing 指标值 edits this year's value only; last year's stays as it was.
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('F2');
    const editor = page.locator('textarea.editor');
    expect(await editor.inputValue()).toBe(rows[0]!.value);
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('≥50批次');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="sync-status"][data-state="synced"]').waitFor({ timeout: UI_TIMEOUT });
    await expect.poll(() => first.textContent(), { timeout: UI_TIMEOUT }).toContain('≥50批次');
    expect(await first.locator('[data-testid="previous-value"]').textContent()).toContain(rows[0]!.value);
    await first.scrollIntoViewIfNeeded();
    mkdirSync('.tmp/screens', { recursive: true });
    await page.screenshot({ path: '.tmp/screens/next-year-grid.png' });
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A colleague adds a row with the (二级, 三级) of one of last year's rows, and one new indicator:
    // the first shows last year's value without a reload, the second none.
    const colleague = connectClient(server.wsUrl, draftId, owner);
    await colleague.synced;
    const project = sortedEntries(projectsMap(colleague.doc))[0]!.id;
    const twin = addIndicator(colleague.doc, project, { level1: rows[1]!.level1, level2: rows[1]!.level2, name: rows[1]!.name }) as string;
    addIndicator(colleague.doc, project, { level2: rows[1]!.level2, name: '上年没有的指标' });
    await colleague.acknowledged();
    colleague.destroy();
    const twinLine = page.locator(`[data-testid="cell-${project}-${twin}-value"] [data-testid="previous-value"]`);
    await expect.poll(() => twinLine.count(), { timeout: UI_TIMEOUT }).toBe(1);
    expect(await twinLine.textContent()).toContain(rows[1]!.value);
    expect(await lines.count()).toBe(rows.length + 1);

    // 与上年对比: last year's live text on the older side, this draft on the newer.
    // The link sits under the title, which a scrolled page folds into one line.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('[data-testid="compare-previous-year"]').click({ timeout: UI_TIMEOUT });
    await page.waitForURL(/\/compare\?against=/, { timeout: UI_TIMEOUT });
    expect(new URL(page.url()).searchParams.get('against')).toBe(sourceId);
    const changed = page.locator('[data-testid="diff-cell-changed"]');
    await expect.poll(() => changed.count(), { timeout: UI_TIMEOUT }).toBe(1);
    expect(await changed.locator('[data-testid="before"]').textContent()).toBe(rows[0]!.value);
    expect(await changed.locator('[data-testid="after"]').textContent()).toBe('≥50批次');
    expect(await page.locator('[data-testid="compare-side"]').inputValue()).toBe(sourceId);
    await page.screenshot({ path: '.tmp/screens/next-year-compare.png' });
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Switching the side back to this draft's own versions compares the draft with itself.
    await api(server, 'POST', `/api/docs/${draftId}/versions`, { token: owner, body: { label: '第1版' } });
    await page.locator('[data-testid="compare-side"]').selectOption('');
    await expect.poll(() => new URL(page.url()).searchParams.get('against'), { timeout: UI_TIMEOUT }).toBe(null);
    await expect.poll(() => changed.count(), { timeout: UI_TIMEOUT }).toBe(0);
  });
});
