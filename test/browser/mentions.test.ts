import { beforeAll, describe, expect, it } from 'vitest';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { UI_TIMEOUT, useBrowserHarness } from '../helpers/browser-harness.ts';
import { connectClient } from '../helpers/test-client.ts';
import { api } from '../helpers/test-server.ts';

type Thread = { comments: Array<{ text: string; mentions: string[] }> };

describe('@mentions offer everyone who can access the document, by name or pinyin initials', () => {
  const h = useBrowserHarness();
  let owner: string;
  let id: string;

  beforeAll(async () => {
    owner = await h.server.tokenFor('alice', 'owner', '张三');
    const create = async () => ((await api(h.server, 'POST', '/api/docs', { token: owner, body: makeSmallBudgetText() })).body as { id: string }).id;
    id = await create();
    // 王五 once opened another document: the server knows her, though she is no member here and is not online.
    const elsewhere = connectClient(h.server.wsUrl, await create(), await h.server.tokenFor('carol', 'editor', '王五'));
    await elsewhere.synced;
    elsewhere.destroy();
  });

  it('lists people who are neither online nor members, filters by "ww" / "zs", and the comment mentions the one picked', async () => {
    const dave = await h.openDoc(id, await h.server.tokenFor('dave', 'reviewer', '赵六'));
    dave.setDefaultTimeout(UI_TIMEOUT);
    await dave.locator('[data-testid="cell-p-reception-r-qty-value"]').click();
    await dave.keyboard.press('Control+Alt+KeyM');
    const input = dave.locator('[data-testid="new-comment-input"]');
    await input.waitFor({ timeout: UI_TIMEOUT });
    const options = dave.locator('[data-testid="mention-option"]');

    await dave.keyboard.type('请 @');
    await expect.poll(() => options.allTextContents(), { timeout: UI_TIMEOUT }).toEqual(expect.arrayContaining([expect.stringContaining('王五'), expect.stringContaining('张三')]));
    await dave.keyboard.type('zs');
    await expect.poll(() => options.allTextContents(), { timeout: UI_TIMEOUT }).toEqual(['张三alice']);
    for (let i = 0; i < 2; i++) await dave.keyboard.press('Backspace');
    await dave.keyboard.type('ww');
    await expect.poll(() => options.allTextContents(), { timeout: UI_TIMEOUT }).toEqual(['王五carol']);
    await dave.keyboard.press('Enter');
    expect(await input.inputValue()).toBe('请 @王五 ');
    await dave.keyboard.type('核对数量');
    await dave.locator('[data-testid="new-comment-send"]').click();

    await expect.poll(async () => ((await api(h.server, 'GET', `/api/docs/${id}/comments`, { token: owner })).body as Thread[]).flatMap((t) => t.comments), { timeout: UI_TIMEOUT })
      .toEqual([expect.objectContaining({ text: '请 @王五 核对数量', mentions: ['carol'] })]);
  });
});
