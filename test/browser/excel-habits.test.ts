import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { api, type TestServer } from '../helpers/test-server.ts';
import { UI_TIMEOUT, useBrowserHarness } from '../helpers/browser-harness.ts';

describe('what Excel users reach for first', () => {
  const h = useBrowserHarness();
  let server: TestServer;
  let owner: string;

  beforeAll(async () => {
    server = h.server;
    owner = await server.tokenFor('alice', 'owner', '张三');
  });

  const newDoc = async () => ((await api(server, 'POST', '/api/docs', { token: owner, body: makeSmallBudgetText() })).body as { id: string }).id;
  const cell = (page: Page, indicator: string, field: string) => page.locator(`[data-testid="cell-p-reception-${indicator}-${field}"]`);
  const valueOf = async (id: string, indicator: string) =>
    ((await api(server, 'GET', `/api/docs/${id}`, { token: owner })).body as ReturnType<typeof makeSmallBudgetText>).projects[0]!.indicators.find((r) => r.id === indicator)!.value;

  async function openAsEditor(id: string): Promise<Page> {
    const page = await h.openDoc(id, await server.tokenFor('bob', 'editor', '李四'), 'bob');
    page.setDefaultTimeout(5_000);
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
    await expect.poll(() => cell(bob, 'r-qty', 'value').evaluate((el) => el.matches(':focus'))).toBe(true);
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
});
