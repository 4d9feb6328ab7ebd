import { describe, expect, it } from 'vitest';
import { signToken } from '../../server/auth/tokens.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { allowConsole } from '../helpers/fail-on-console.ts';
import { UI_TIMEOUT, useBrowserHarness } from '../helpers/browser-harness.ts';
import { api } from '../helpers/test-server.ts';

/** Life of the token the page opens with: the server closes its socket (4401) when it ends. */
const SHORT_TTL_S = 6;

describe('a sign-in that outlives its token', () => {
  const h = useBrowserHarness();

  it('trades the token for a fresh one before it expires and loses no edit across the expiry', async () => {
    // Logged when the first token's socket is still open at its expiry; a page that already
    // reconnected with the fresh token closed it itself.
    allowConsole(/closed the socket of bob: token expired/, false);
    const owner = await h.server.tokenFor('alice', 'owner', '张三');
    const docId = ((await api(h.server, 'POST', '/api/docs', { token: owner, body: makeSmallBudgetText() })).body as { id: string }).id;
    const short = await signToken(h.server.key, { sub: 'bob', name: '李四', role: 'editor' }, SHORT_TTL_S);
    const page = await h.openDoc(docId, short);
    const stored = () => page.evaluate(() => localStorage.getItem('jixiao.token.v1'));
    await expect.poll(stored, { timeout: UI_TIMEOUT }).not.toBe(short);

    const cell = (row: string) => page.locator(`[data-testid="cell-p-reception-${row}-value"]`);
    await cell('r-qty').click();
    await page.keyboard.type('11');
    await page.keyboard.press('Enter');
    // Past the first token's end: the page works on a socket authenticated with the fresh token.
    await page.waitForTimeout((SHORT_TTL_S + 1) * 1000);
    // Enter moved the active cell down to r-qual's 指标值.
    await page.keyboard.type('99%');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="sync-status"][data-state="synced"]').waitFor({ timeout: UI_TIMEOUT });

    const saved = async () => {
      const body = (await api(h.server, 'GET', `/api/docs/${docId}`, { token: owner })).body as ReturnType<typeof makeSmallBudgetText>;
      const rows = body.projects.find((p) => p.id === 'p-reception')?.indicators ?? [];
      return rows.filter((r) => r.id === 'r-qty' || r.id === 'r-qual').map((r) => r.value);
    };
    await expect.poll(saved, { timeout: UI_TIMEOUT }).toEqual(['11', '99%']);
  }, 60_000);
});
