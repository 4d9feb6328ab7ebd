import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { setIndicatorField } from '../../shared/model/mutations.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { seriousA11yViolations } from '../helpers/axe.ts';
import { UI_TIMEOUT, useBrowserHarness } from '../helpers/browser-harness.ts';
import { connectClient, waitFor } from '../helpers/test-client.ts';
import { api } from '../helpers/test-server.ts';

type Version = { id: string; label: string; kind: string };

describe('versions panel: automatic versions folded under named ones; compare opens at the first change', () => {
  const h = useBrowserHarness();
  let owner: string;
  let id: string;
  let first: string;

  const versions = async () => (await api(h.server, 'GET', `/api/docs/${id}/versions`, { token: owner })).body as Version[];
  const save = async (label: string) => ((await api(h.server, 'POST', `/api/docs/${id}/versions`, { token: owner, body: { label } })).body as { id: string }).id;
  // A colleague edits the last row of the last project and leaves: the server takes an automatic version.
  async function editAndLeave(value: string): Promise<void> {
    const autos = (await versions()).filter((v) => v.kind === 'auto').length;
    const client = connectClient(h.server.wsUrl, id, owner);
    await client.synced;
    setIndicatorField(client.doc, 'p-vehicles', 'v-sat', 'value', value);
    await client.acknowledged();
    client.destroy();
    await waitFor(async () => (await versions()).filter((v) => v.kind === 'auto').length > autos, UI_TIMEOUT, 'an automatic version');
  }

  beforeAll(async () => {
    owner = await h.server.tokenFor('alice', 'owner', '张三');
    id = ((await api(h.server, 'POST', '/api/docs', { token: owner, body: makeSmallBudgetText() })).body as { id: string }).id;
    first = await save('第1版');
    await editAndLeave('≥93%');
    await editAndLeave('≥94%');
    await save('第2版');
    await editAndLeave('≥92%');
  });

  it('lists named versions and folds the automatic ones under them (展开 n 个自动版本)', async () => {
    const page = await h.openDoc(id, owner);
    await page.getByRole('button', { name: '版本', exact: true }).click();
    const panel = page.getByRole('complementary', { name: '版本' });
    const labels = panel.locator('[data-testid="version"]:visible [data-testid="version-label"]');
    await expect.poll(() => labels.allTextContents(), { timeout: UI_TIMEOUT }).toEqual(['第2版', '第1版']);
    const toggles = panel.locator('[data-testid="version-autos-toggle"]');
    expect((await toggles.allTextContents()).map((s) => s.trim())).toEqual(['展开 1 个自动版本', '展开 2 个自动版本']);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await toggles.nth(1).click();
    expect(await toggles.nth(1).getAttribute('aria-expanded')).toBe('true');
    expect((await toggles.nth(1).textContent())?.trim()).toBe('收起 2 个自动版本');
    await expect.poll(() => labels.allTextContents(), { timeout: UI_TIMEOUT }).toEqual(['第2版', '自动保存', '自动保存', '第1版']);

    mkdirSync('.tmp/screens', { recursive: true });
    for (const viewport of [{ width: 1440, height: 900 }, { width: 1024, height: 768 }]) {
      await page.setViewportSize(viewport);
      await panel.locator('[data-testid="version-compare"]').first().click();
      await page.screenshot({ path: `.tmp/screens/versions-panel-${viewport.width}.png` });
      await panel.locator('[data-testid="version-compare"]').first().click();
    }
  });

  it('has one 对比 action (current document or another version); the comparison opens at the first change', async () => {
    const page = await h.openDoc(id, owner);
    await page.getByRole('button', { name: '版本', exact: true }).click();
    const v1 = page.locator('[data-testid="version"]').filter({ hasText: '第1版' });
    // The panel fetches the versions after it opens.
    await expect.poll(() => v1.getByRole('button').filter({ hasText: '对比' }).count(), { timeout: 10_000 }).toBe(1);
    await v1.getByRole('button', { name: '对比', exact: true }).click();
    expect(await v1.locator('[data-testid="version-pick"]').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('第2版')]));
    await v1.getByRole('link', { name: '与当前文档对比' }).click();
    await page.waitForURL(new RegExp(`from=${first}&to=current$`));

    await expect.poll(() => page.locator('[data-testid="change-position"]').textContent(), { timeout: UI_TIMEOUT }).toBe('第 1 / 1 处');
    const change = page.locator('[data-testid="diff-cell-changed"]');
    expect(await change.evaluate((el) => el.closest('.current') !== null || el.classList.contains('current'))).toBe(true);
    // Scrolled to it: the change is on screen, below where the page starts.
    await expect.poll(() => page.evaluate(() => window.scrollY), { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
    const box = await change.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(1000);
    expect(await change.locator('[data-testid="after"]').textContent()).toBe('≥92%');
  });
});
