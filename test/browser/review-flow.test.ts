import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { api, type TestServer } from '../helpers/test-server.ts';
import { seriousA11yViolations } from '../helpers/axe.ts';
import { UI_TIMEOUT, startTypingInCell, typeIntoCell, useBrowserHarness } from '../helpers/browser-harness.ts';


type Role = 'owner' | 'editor' | 'reviewer' | 'viewer';

describe('review: a reviewer and an editor in one document', () => {
  const h = useBrowserHarness();
  let server: TestServer;
  let owner: string;

  beforeAll(async () => {
    server = h.server;
    owner = await server.tokenFor('alice', 'owner', '张三');
  });

  const newDoc = async () => ((await api(server, 'POST', '/api/docs', { token: owner, body: makeSmallBudgetText() })).body as { id: string }).id;

  /** A fresh browser profile signed in as `sub` (via the URL fragment), showing document `id`. */
  async function openAs(id: string, sub: string, role: Role, name: string): Promise<Page> {
    const page = await h.openDoc(id, await server.tokenFor(sub, role, name), sub);
    page.setDefaultTimeout(UI_TIMEOUT);
    await page.locator(`[data-testid="my-role"]`).waitFor({ timeout: UI_TIMEOUT });
    return page;
  }

  const cell = (page: Page, indicator: string, field: string) => page.locator(`[data-testid="cell-p-reception-${indicator}-${field}"]`);
  const valueOf = async (id: string, indicator: string) =>
    ((await api(server, 'GET', `/api/docs/${id}`, { token: owner })).body as ReturnType<typeof makeSmallBudgetText>).projects[0]!.indicators.find((r) => r.id === indicator)!.value;

  it('shows the reviewer why the document is read-only and keeps their typing out of it', async () => {
    const id = await newDoc();
    const dave = await openAs(id, 'dave', 'reviewer', '赵六');
    expect(await dave.locator('[data-testid="readonly-badge"]').textContent()).toContain('只读：审核人');
    await typeIntoCell(cell(dave, 'r-qty', 'value'), '≥9999批次');
    expect(await cell(dave, 'r-qty', 'value').textContent()).toContain('≥45批次');
    expect(await dave.locator('[data-testid="section-overallGoal"]').getAttribute('readonly')).not.toBeNull();
    expect(await valueOf(id, 'r-qty')).toBe('≥45批次');
  });

  it('carries a comment and a suggestion from the reviewer to the editor, who replies and accepts; the history credits the reviewer', async () => {
    const id = await newDoc();
    const dave = await openAs(id, 'dave', 'reviewer', '赵六');
    const bob = await openAs(id, 'bob', 'editor', '李四');

    // The reviewer comments on a cell (Ctrl+Alt+M) …
    await cell(dave, 'r-qty', 'value').click();
    await dave.keyboard.press('Control+Alt+KeyM');
    const composer = dave.getByRole('dialog');
    await composer.getByRole('combobox').fill('批次偏少，请核实');
    await composer.getByRole('button', { name: '发送' }).click();
    // … and, in suggest mode, proposes a value by editing the cell.
    await dave.getByRole('switch', { name: '建议模式' }).check();
    await typeIntoCell(cell(dave, 'r-qty', 'value'), '≥48批次');

    // The editor sees both live: a marker on the cell, the suggested value inline.
    const marker = cell(bob, 'r-qty', 'value').locator('[data-testid="comment-marker"]');
    await expect.poll(() => marker.textContent(), { timeout: UI_TIMEOUT }).toBe('1');
    const suggested = cell(bob, 'r-qty', 'value').locator('[data-testid="inline-suggested-value"]');
    await expect.poll(() => suggested.textContent(), { timeout: UI_TIMEOUT }).toBe('≥48批次');
    expect(await valueOf(id, 'r-qty')).toBe('≥45批次');

    // The editor opens the thread from the marker and replies; the reviewer sees the reply.
    await marker.click();
    const thread = bob.locator('[data-testid="thread"]').filter({ hasText: '批次偏少，请核实' });
    await thread.waitFor({ timeout: UI_TIMEOUT });
    await thread.locator('[data-testid="reply-input"]').fill('已核实，按48批次');
    await thread.getByRole('button', { name: '发送' }).click();
    await dave.getByRole('button', { name: /^审阅( \d+)?$/ }).click();
    await dave.getByRole('complementary', { name: '审阅' }).waitFor({ timeout: UI_TIMEOUT });
    await dave.locator('[data-testid="comment-text"]').filter({ hasText: '已核实，按48批次' }).waitFor({ timeout: UI_TIMEOUT });
    // The document with the review panel open, as each of them sees it: nothing serious for a screen reader or keyboard user.
    expect(await seriousA11yViolations(dave)).toEqual([]);
    expect(await seriousA11yViolations(bob)).toEqual([]);

    // The editor accepts the suggestion inline: the value changes for both.
    await cell(bob, 'r-qty', 'value').locator('[data-testid="suggestion-accept"]').click();
    await expect.poll(() => valueOf(id, 'r-qty'), { timeout: UI_TIMEOUT }).toBe('≥48批次');
    for (const page of [bob, dave]) {
      await expect.poll(() => cell(page, 'r-qty', 'value').locator('[data-testid="inline-suggestion"]').count(), { timeout: UI_TIMEOUT }).toBe(0);
      expect(await cell(page, 'r-qty', 'value').textContent()).toContain('≥48批次');
    }
    // The server records history in batches: wait until the change is in it.
    const history = () => api(server, 'GET', `/api/docs/${id}/history?project=p-reception&indicator=r-qty&field=value`, { token: owner });
    await expect.poll(async () => JSON.stringify((await history()).body), { timeout: UI_TIMEOUT }).toContain('suggestedBy');

    // The cell's history (Alt+H) shows the change, credited to the reviewer's suggestion.
    await cell(bob, 'r-qty', 'value').click();
    await bob.keyboard.press('Alt+KeyH');
    const entry = bob.locator('[data-testid="history-entry"]').first();
    await entry.waitFor({ timeout: UI_TIMEOUT });
    expect(await entry.textContent()).toContain('李四');
    expect(await entry.locator('[data-testid="history-after"]').textContent()).toBe('≥48批次');
    expect(await entry.locator('[data-testid="history-suggested"]').textContent()).toBe('采纳 赵六 的建议');
  });

  it('makes the editor read-only the moment the document is submitted', async () => {
    const id = await newDoc();
    const bob = await openAs(id, 'bob', 'editor', '李四');
    const carol = await openAs(id, 'carol', 'editor', '王五');
    expect(await bob.locator('[data-testid="readonly-badge"]').count()).toBe(0);

    await carol.getByRole('group', { name: '审核流程' }).getByRole('button', { name: '提交' }).click();
    await expect.poll(() => bob.locator('[data-testid="workflow-status"]').textContent(), { timeout: UI_TIMEOUT }).toBe('已提交');
    await expect.poll(() => bob.locator('[data-testid="readonly-badge"]').textContent(), { timeout: UI_TIMEOUT }).toContain('已提交，内容锁定');
    await typeIntoCell(cell(bob, 'r-qty', 'value'), '≥1批次');
    expect(await cell(bob, 'r-qty', 'value').textContent()).toContain('≥45批次');
    expect(await bob.locator('[data-testid="section-safeguards"]').getAttribute('readonly')).not.toBeNull();
    expect(await valueOf(id, 'r-qty')).toBe('≥45批次');
  });

  it('closes the cell an editor is typing in when a colleague submits: nothing is saved, and the typed text is offered to copy', async () => {
    const id = await newDoc();
    const bob = await openAs(id, 'bob', 'editor', '李四');
    const carol = await openAs(id, 'carol', 'editor', '王五');
    await startTypingInCell(cell(bob, 'r-qty', 'value'), '60批次');
    expect(await bob.locator('textarea.editor').count()).toBe(1);

    await carol.getByRole('group', { name: '审核流程' }).getByRole('button', { name: '提交' }).click();
    await expect.poll(() => bob.locator('[data-testid="toast-message"]').textContent(), { timeout: UI_TIMEOUT }).toBe('文档已变为只读，您正在输入的“60批次”没有保存。');
    expect(await bob.locator('textarea.editor').count()).toBe(0);
    await bob.keyboard.press('Enter');
    expect(await cell(bob, 'r-qty', 'value').textContent()).toContain('≥45批次');
    expect(await valueOf(id, 'r-qty')).toBe('≥45批次');
    // Nothing was written locally either: nothing waits to be sent, and the server never refused.
    await expect.poll(() => bob.locator('[data-testid="sync-status"]').getAttribute('data-state'), { timeout: UI_TIMEOUT }).toBe('synced');
    expect(await bob.locator('[data-testid="sync-status"]').getAttribute('data-pending')).toBe('0');
  });

  it('comments on a header field from its menu, suggests a new amount, and lets the editor reject it', async () => {
    const id = await newDoc();
    // The server resolves @mentions among the document's members.
    await api(server, 'PUT', `/api/docs/${id}/members/bob`, { token: owner, body: { role: 'editor', name: '李四' } });
    const dave = await openAs(id, 'dave', 'reviewer', '赵六');
    const bob = await openAs(id, 'bob', 'editor', '李四');
    const total = (page: Page) => page.locator('[data-testid="project-p-reception-total"]');

    // Right click on 预算数 → 添加批注.
    await total(dave).click({ button: 'right' });
    await dave.locator('[data-testid="review-menu-comment"]').click();
    await dave.locator('[data-testid="new-comment-input"]').fill('@李四 预算数与明细不符');
    await dave.locator('[data-testid="new-comment-send"]').click();
    // 建议模式: a changed amount becomes a suggestion when the field is left.
    await dave.locator('[data-testid="suggest-mode"]').check();
    await total(dave).fill('21');
    await dave.keyboard.press('Tab');
    await expect.poll(() => total(dave).inputValue(), { timeout: UI_TIMEOUT }).toBe('20');

    const header = bob.locator('project-header').first();
    await expect.poll(() => header.locator('[data-testid="comment-marker"]').first().textContent(), { timeout: UI_TIMEOUT }).toBe('1');
    const suggested = header.locator('[data-testid="inline-suggested-value"]');
    await expect.poll(() => suggested.textContent(), { timeout: UI_TIMEOUT }).toBe('21');

    // The thread mentions the editor: 提到我的 finds it.
    await bob.locator('[data-testid="review-toggle"]').click();
    await bob.locator('[data-testid="thread-filter-mentions"]').click();
    await expect.poll(() => bob.locator('[data-testid="thread"]').count(), { timeout: UI_TIMEOUT }).toBe(1);
    expect(await bob.locator('[data-testid="thread-anchor"]').textContent()).toContain('接待管理经费 · 预算数');

    await header.locator('[data-testid="suggestion-reject"]').click();
    await expect.poll(() => suggested.count(), { timeout: UI_TIMEOUT }).toBe(0);
    expect(await total(bob).inputValue()).toBe('20');
  });
});
