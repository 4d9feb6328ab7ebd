import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signToken, type Identity } from '../../server/auth/tokens.ts';
import { setIndicatorField } from '../../shared/model/index.ts';
import type { BudgetText } from '../../shared/model/index.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { seriousA11yViolations } from '../helpers/axe.ts';
import { UI_TIMEOUT, useBrowserHarness } from '../helpers/browser-harness.ts';
import { connectClient } from '../helpers/test-client.ts';
import { api } from '../helpers/test-server.ts';

const SCREENS = '.tmp/screens';
const LAOTING = '130225';
const people: Record<string, Identity> = {
  alice: { sub: 'alice', name: '张三', role: 'owner', org: 'lt-zfb', orgKind: 'department', region: LAOTING },
  frank: { sub: 'frank', name: '孙八', role: 'owner', org: 'lt-jgsw', orgKind: 'department', region: LAOTING },
  dave: { sub: 'dave', name: '赵六', role: 'reviewer', org: 'lt-czj', orgKind: 'finance', region: LAOTING },
};

describe('the finance bureau overview page', () => {
  const h = useBrowserHarness();
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const create = async (who: string, edit: (t: BudgetText) => void) => {
    const text = makeSmallBudgetText();
    edit(text);
    return ((await api(h.server, 'POST', '/api/docs', { token: tokens[who], body: text })).body as { id: string }).id;
  };

  beforeAll(async () => {
    for (const [sub, identity] of Object.entries(people)) tokens[sub] = await signToken(h.server.key, identity);
    ids.office = await create('alice', (t) => {
      t.title = '乐亭县人民政府办公室2025年部门预算绩效文本';
      t.department = { code: '301001', name: '乐亭县人民政府办公室', region: '乐亭县' };
    });
    ids.broken = await create('frank', (t) => {
      t.projects[0]!.indicators[5]!.value = '有所提高';
      t.projects[1]!.indicators[5]!.value = '有所提高';
    });
    ids.older = await create('frank', (t) => {
      t.title = '乐亭县机关事务中心2024年部门预算绩效文本';
      t.year = 2024;
    });
    expect((await api(h.server, 'POST', `/api/docs/${ids.older}/status`, { token: tokens['frank'], body: { status: 'submitted' } })).status).toBe(200);
  });

  async function openOverview(): Promise<Page> {
    const context = await h.browser.newContext({ viewport: { width: 1440, height: 900 } });
    h.contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => h.pageErrors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && h.pageErrors.push(m.text()));
    await page.goto(`${h.server.url}/#token=${tokens['dave']}`);
    await page.locator('[data-testid="doc-list"]').waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('link', { name: '审核总览' }).click();
    await page.locator('[data-testid="overview-live"][data-state="live"]').waitFor({ timeout: UI_TIMEOUT });
    return page;
  }
  const table = (page: Page) => page.getByRole('table');
  const rowOf = (page: Page, id: string) => page.locator(`[data-testid="overview-row-${id}"]`);
  const shownIds = (page: Page) => page.locator('[data-testid="overview-table"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')?.slice('overview-row-'.length)));
  const header = (page: Page, name: string) => table(page).getByRole('columnheader', { name });

  it('lists every document with counts, sorts by each column by click or Enter, and filters', async () => {
    const page = await openOverview();
    expect(new URL(page.url()).pathname).toBe('/overview');
    expect(await page.locator('[data-testid="overview-counts"]').innerText()).toMatch(/草稿\s*2[\s\S]*已提交\s*1[\s\S]*退回修改\s*0[\s\S]*已审定\s*0/);
    expect(await rowOf(page, ids.broken!).locator('[data-testid="overview-errors"]').textContent()).toBe('2');
    expect(await rowOf(page, ids.older!).locator('[data-testid="overview-status"]').textContent()).toBe('已提交');
    expect(await rowOf(page, ids.office!).locator('[data-testid="overview-compare"]').getAttribute('aria-disabled')).toBe('true');
    expect(await rowOf(page, ids.older!).getByRole('link', { name: /对比/ }).getAttribute('href')).toMatch(new RegExp(`^/docs/${ids.older}/compare\\?from=[a-z0-9-]+&to=current$`));
    expect(await seriousA11yViolations(page)).toEqual([]);

    // 错误: most first, then fewest first.
    await header(page, '错误').getByRole('button').click();
    expect(await header(page, '错误').getAttribute('aria-sort')).toBe('descending');
    expect((await shownIds(page))[0]).toBe(ids.broken);
    await header(page, '错误').getByRole('button').click();
    expect(await header(page, '错误').getAttribute('aria-sort')).toBe('ascending');
    expect((await shownIds(page)).at(-1)).toBe(ids.broken);
    // 部门 by keyboard: Chinese order puts 乐亭县人民政府办公室 after 乐亭县机关事务中心 (jī < rén).
    await header(page, '部门').getByRole('button').focus();
    await page.keyboard.press('Enter');
    expect(await header(page, '部门').getAttribute('aria-sort')).toBe('ascending');
    expect(await header(page, '错误').getAttribute('aria-sort')).toBe('none');
    expect((await shownIds(page)).at(-1)).toBe(ids.office);
    await header(page, '年度').getByRole('button').click();
    expect((await shownIds(page)).at(-1)).toBe(ids.older);

    await page.getByRole('combobox', { name: '状态' }).selectOption('submitted');
    expect(await shownIds(page)).toEqual([ids.older]);
    await page.getByRole('combobox', { name: '状态' }).selectOption('');
    await page.getByRole('combobox', { name: '部门' }).selectOption('乐亭县人民政府办公室');
    expect(await shownIds(page)).toEqual([ids.office]);
    await page.getByRole('combobox', { name: '部门' }).selectOption('');
    await page.getByRole('combobox', { name: '年度' }).selectOption('2024');
    expect(await shownIds(page)).toEqual([ids.older]);
    await page.getByRole('combobox', { name: '年度' }).selectOption('');
    await page.getByRole('searchbox', { name: '搜索' }).fill('政府办公室');
    expect(await shownIds(page)).toEqual([ids.office]);
    await page.getByRole('searchbox', { name: '搜索' }).fill('');
    // A status count narrows to that status, and again shows all.
    await page.locator('[data-testid="overview-count-draft"]').click();
    expect((await shownIds(page)).sort()).toEqual([ids.office, ids.broken].sort());
    await page.locator('[data-testid="overview-count-draft"]').click();
    expect(await page.locator('[data-testid="overview-shown"]').textContent()).toBe('显示 3 / 3 个文档');

    mkdirSync(SCREENS, { recursive: true });
    await page.screenshot({ path: `${SCREENS}/overview-1440.png`, fullPage: true });
    await page.getByTestId('language-toggle').click();
    await header(page, 'Department').waitFor({ timeout: UI_TIMEOUT });
    await page.screenshot({ path: `${SCREENS}/overview-1440-en.png`, fullPage: true });
    await page.getByTestId('language-toggle').click();
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: `${SCREENS}/overview-1024.png`, fullPage: true });
    // Nothing spills sideways at 1024 wide.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
  });

  it('updates a row without a reload as someone adds an error and as a document is submitted', async () => {
    const page = await openOverview();
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    const office = rowOf(page, ids.office!);
    expect(await office.locator('[data-testid="overview-errors"]').textContent()).toBe('0');

    const client = connectClient(h.server.wsUrl, ids.office!, tokens['alice'] as string);
    await client.synced;
    setIndicatorField(client.doc, 'p-reception', 'r-sat', 'value', '有所提高');
    await client.acknowledged();
    await expect.poll(() => office.locator('[data-testid="overview-errors"]').textContent(), { timeout: UI_TIMEOUT }).toBe('1');
    expect(await office.locator('[data-testid="overview-updated"]').textContent()).toContain('张三');

    setIndicatorField(client.doc, 'p-reception', 'r-sat', 'value', '≥95%');
    await client.acknowledged();
    await expect.poll(() => office.locator('[data-testid="overview-errors"]').textContent(), { timeout: UI_TIMEOUT }).toBe('0');
    client.destroy();
    const { versionId } = (await api(h.server, 'POST', `/api/docs/${ids.office}/status`, { token: tokens['alice'], body: { status: 'submitted' } })).body as { versionId: string };
    await expect.poll(() => office.locator('[data-testid="overview-status"]').textContent(), { timeout: UI_TIMEOUT }).toBe('已提交');
    expect(await page.locator('[data-testid="overview-counts"]').innerText()).toMatch(/已提交\s*2/);
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

    // 对比 opens the comparison since that submission; the title opens the document.
    await office.getByRole('link', { name: /对比/ }).click();
    await page.waitForURL(`**/docs/${ids.office}/compare?from=${versionId}&to=current`);
    await page.goBack();
    await rowOf(page, ids.office!).getByRole('link', { name: '乐亭县人民政府办公室2025年部门预算绩效文本', exact: true }).click();
    await page.waitForURL(`**/docs/${ids.office}`);
    await page.locator('[data-testid="sync-status"][data-state="synced"]').waitFor({ timeout: UI_TIMEOUT });
  });
});
