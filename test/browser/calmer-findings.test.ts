import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BudgetText } from '../../shared/model/index.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { api, type TestServer } from '../helpers/test-server.ts';
import { UI_TIMEOUT, useBrowserHarness } from '../helpers/browser-harness.ts';

type Report = { summary: { warnings: number; acknowledged: number }; findings: Array<{ ruleId: string; acknowledged?: { by: { name: string } } }> };

/** Two rows without 指标值确定依据 (one rule, two places: warnings), a vague value (hint), a satisfaction value that is not a percentage (error). */
function withFindings(): BudgetText {
  const t = makeSmallBudgetText();
  const rows = t.projects[0]!.indicators;
  rows[4]!.value = '有所提高';
  rows[0]!.basis = '';
  rows[1]!.basis = '';
  rows[5]!.value = '有所提高';
  return t;
}

describe('calmer findings: grouped, hints when asked, 已确认', () => {
  const h = useBrowserHarness();
  let server: TestServer;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    server = h.server;
    tokens['alice'] = await server.tokenFor('alice', 'owner', '张三');
    tokens['bob'] = await server.tokenFor('bob', 'editor', '李四');
    tokens['dave'] = await server.tokenFor('dave', 'reviewer', '赵六');
  });

  const newDoc = async (body: BudgetText) => ((await api(server, 'POST', '/api/docs', { token: tokens['alice'], body })).body as { id: string }).id;
  const report = async (id: string) => (await api(server, 'GET', `/api/docs/${id}/validation`, { token: tokens['dave'] })).body as Report;
  const open = async (id: string, who: string) => {
    const page = await h.openDoc(id, tokens[who]!, who);
    await page.locator('[data-testid="problems-toggle"]').click();
    return page;
  };
  const entry = (page: Page, rule: string) => page.locator(`[data-testid="problems-group-p-reception"] [data-testid="problem"][data-rule="${rule}"]`);
  const toolbarCount = (page: Page, severity: string) => page.locator(`[data-testid="problems-count-${severity}"]`).textContent();

  it('folds repeated findings into one entry with a count, keeps the rule id small and hints hidden until asked', async () => {
    const id = await newDoc(withFindings());
    const bob = await open(id, 'bob');
    const basis = entry(bob, 'R-ROW-BASIS-REQUIRED');
    await expect.poll(() => basis.getAttribute('data-count'), { timeout: UI_TIMEOUT }).toBe('2');
    expect(await basis.locator('.message').textContent()).not.toContain('R-ROW');
    expect(await basis.locator('small.rule').textContent()).toContain('规则 R-ROW-BASIS-REQUIRED · 共 2 处');
    expect(await bob.locator('[data-testid="problem"]').count()).toBe(2);

    const hints = bob.locator('[data-testid="filter-info"]');
    expect(await hints.getAttribute('aria-pressed')).toBe('false');
    await hints.click();
    await expect.poll(() => bob.locator('[data-testid="problem"]').count(), { timeout: UI_TIMEOUT }).toBe(3);

    // Each place of the group is one click away.
    await basis.locator('[data-testid="problem-expand"]').click();
    await basis.locator('[data-testid="problem-place"]').nth(1).locator('.entry').click();
    await expect.poll(() => bob.locator('[data-testid="cell-p-reception-r-qual-basis"]').evaluate((el) => el.matches(':focus')), { timeout: UI_TIMEOUT }).toBe(true);
  });

  it('an editor marks a warning 已确认: the list and counts shrink, reviewers see who and when, anyone who edits undoes it, errors still block', async () => {
    const id = await newDoc(withFindings());
    const bob = await open(id, 'bob');
    const dave = await open(id, 'dave');
    await expect.poll(() => toolbarCount(bob, 'warning'), { timeout: UI_TIMEOUT }).toContain('2');
    // Errors cannot be acknowledged; reviewers cannot acknowledge at all.
    expect(await entry(bob, 'R-SAT-FORMAT').locator('[data-testid="acknowledge"]').count()).toBe(0);
    await expect.poll(() => entry(dave, 'R-ROW-BASIS-REQUIRED').count(), { timeout: UI_TIMEOUT }).toBe(1);
    expect(await dave.locator('[data-testid="acknowledge"]').count()).toBe(0);

    await entry(bob, 'R-ROW-BASIS-REQUIRED').getByRole('button', { name: '确认', exact: true }).first().click();
    await expect.poll(() => entry(bob, 'R-ROW-BASIS-REQUIRED').count(), { timeout: UI_TIMEOUT }).toBe(0);
    await expect.poll(() => toolbarCount(bob, 'warning'), { timeout: UI_TIMEOUT }).toContain('0');
    expect(await bob.locator('[data-testid="filter-acknowledged"]').textContent()).toContain('已确认 2');
    const marked = await report(id);
    expect(marked.summary.acknowledged).toBe(2);
    expect(marked.findings.filter((f) => f.acknowledged).map((f) => [f.ruleId, f.acknowledged!.by.name])).toEqual([
      ['R-ROW-BASIS-REQUIRED', '李四'],
      ['R-ROW-BASIS-REQUIRED', '李四'],
    ]);

    // The reviewer's list shrank too, live; asked, it shows who marked them.
    await expect.poll(() => entry(dave, 'R-ROW-BASIS-REQUIRED').count(), { timeout: UI_TIMEOUT }).toBe(0);
    await dave.locator('[data-testid="filter-acknowledged"]').click();
    await entry(dave, 'R-ROW-BASIS-REQUIRED').locator('[data-testid="problem-expand"]').click();
    await expect.poll(() => entry(dave, 'R-ROW-BASIS-REQUIRED').locator('[data-testid="acknowledged-by"]').first().textContent(), { timeout: UI_TIMEOUT }).toMatch(/^已确认 · 李四 · \S/);
    expect(await dave.locator('[data-testid="unacknowledge"]').count()).toBe(0);

    // The error still blocks submission.
    await bob.locator('[data-testid="workflow-submitted"]').click();
    await expect.poll(() => bob.locator('[data-testid="blocking-finding"]').count(), { timeout: UI_TIMEOUT }).toBe(1);
    expect(await bob.locator('[data-testid="workflow-status"]').textContent()).toBe('草稿');
    // Chromium logs the refused request (409) on the console: that one is expected.
    const refused = h.pageErrors.findIndex((e) => e.includes('409 (Conflict)'));
    expect(refused).toBeGreaterThanOrEqual(0);
    h.pageErrors.splice(refused, 1);

    // The owner takes bob's marks back: the warning is in everyone's list again.
    const alice = await open(id, 'alice');
    await alice.locator('[data-testid="filter-acknowledged"]').click();
    await entry(alice, 'R-ROW-BASIS-REQUIRED').locator(':scope > .line [data-testid="unacknowledge"]').click();
    await expect.poll(() => entry(bob, 'R-ROW-BASIS-REQUIRED').count(), { timeout: UI_TIMEOUT }).toBe(1);
    await expect.poll(() => toolbarCount(bob, 'warning'), { timeout: UI_TIMEOUT }).toContain('2');
    expect((await report(id)).summary.acknowledged).toBe(0);
  });

  it('the finding popover of a cell offers 确认 to an editor and then says who marked it', async () => {
    const id = await newDoc(withFindings());
    const bob = await open(id, 'bob');
    const cell = bob.locator('[data-testid="cell-p-reception-r-qty-basis"]');
    await expect.poll(() => cell.getAttribute('class'), { timeout: UI_TIMEOUT }).toContain('finding-warning');
    await cell.click();
    const popover = bob.locator('[data-testid="finding-popover"]').filter({ hasText: '规则 R-ROW-BASIS-REQUIRED' });
    await popover.getByRole('button', { name: '确认', exact: true }).click();
    await expect.poll(() => popover.locator('[data-testid="acknowledged-by"]').textContent(), { timeout: UI_TIMEOUT }).toMatch(/^已确认 · 李四 · \S/);
    // One of the two places is marked: the grouped entry counts the other one only.
    await expect.poll(() => entry(bob, 'R-ROW-BASIS-REQUIRED').getAttribute('data-count'), { timeout: UI_TIMEOUT }).toBe('1');
    expect((await report(id)).summary.acknowledged).toBe(1);
    await popover.getByRole('button', { name: '撤销确认', exact: true }).click();
    await expect.poll(() => entry(bob, 'R-ROW-BASIS-REQUIRED').getAttribute('data-count'), { timeout: UI_TIMEOUT }).toBe('2');
  });

  it('撤回: the submitter takes a submission back from the workflow bar until a reviewer acts', async () => {
    const id = await newDoc(makeSmallBudgetText());
    const bob = await h.openDoc(id, tokens['bob']!, 'bob');
    const status = bob.locator('[data-testid="workflow-status"]');
    const withdraw = bob.getByRole('button', { name: '撤回', exact: true });
    expect(await withdraw.count()).toBe(0);
    await bob.locator('[data-testid="workflow-submitted"]').click();
    await expect.poll(() => status.textContent(), { timeout: UI_TIMEOUT }).toBe('已提交');
    await withdraw.click();
    await expect.poll(() => status.textContent(), { timeout: UI_TIMEOUT }).toBe('草稿');

    // Submitted again; the reviewer comments, and 撤回 goes away.
    await bob.locator('[data-testid="workflow-submitted"]').click();
    await expect.poll(() => withdraw.count(), { timeout: UI_TIMEOUT }).toBe(1);
    expect((await api(server, 'POST', `/api/docs/${id}/comments`, { token: tokens['dave'], body: { anchor: {}, text: '正在审核' } })).status).toBe(201);
    await expect.poll(() => withdraw.count(), { timeout: UI_TIMEOUT }).toBe(0);
    expect(await status.textContent()).toBe('已提交');
  });
});
