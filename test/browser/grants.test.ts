import { describe, expect, it } from 'vitest';
import { signToken, type Identity } from '../../server/auth/tokens.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { UI_TIMEOUT, useBrowserHarness } from '../helpers/browser-harness.ts';
import { allowConsole } from '../helpers/fail-on-console.ts';
import { api } from '../helpers/test-server.ts';

const OFFICE = { org: 'lt-zfb', orgKind: 'department', region: '130225' } as const;
const alice: Identity = { sub: 'alice', name: '张三', role: 'owner', ...OFFICE };
const bob: Identity = { sub: 'bob', name: '李四', role: 'editor', ...OFFICE };

describe('edit rights in the browser', () => {
  const h = useBrowserHarness();

  it('locks what lies outside a grant, and after a refused edit shows the server’s content and keeps the refused value', async () => {
    allowConsole(/outside-grant/);
    const owner = await signToken(h.server.key, alice);
    const id = ((await api(h.server, 'POST', '/api/docs', { token: owner, body: makeSmallBudgetText() })).body as { id: string }).id;
    await api(h.server, 'PUT', `/api/docs/${id}/grants/bob`, { token: owner, body: { projects: ['p-reception'], money: false, sections: ['subGoals'] } });
    const page = await h.openDoc(id, await signToken(h.server.key, bob), 'bob');

    const vehicles = page.locator('project-section[project-id="p-vehicles"]');
    await expect.poll(() => vehicles.getAttribute('title'), { timeout: UI_TIMEOUT }).toContain('不在您的编辑范围');
    expect(await vehicles.getAttribute('readonly')).not.toBeNull();
    expect(await page.locator('project-section[project-id="p-reception"]').getAttribute('readonly')).toBeNull();
    // The lock is visible without hovering: a chip by the project's title, the reason in full on hover.
    expect(await vehicles.locator('[data-testid="project-lock"]').getAttribute('title')).toContain('不在您的编辑范围');
    expect(await page.locator('project-section[project-id="p-reception"] [data-testid="project-lock"]').count()).toBe(0);
    expect(await page.locator('narrative-section[section="overallGoal"]').getAttribute('readonly')).not.toBeNull();
    expect(await page.locator('narrative-section[section="subGoals"]').getAttribute('readonly')).toBeNull();

    // A change the lock did not stop (a stale tab, a script): written straight into the tab's Y.Doc.
    await page.evaluate(() => {
      const find = (root: Document | ShadowRoot): Element | null => {
        const hit = root.querySelector('budget-document');
        if (hit) return hit;
        for (const el of root.querySelectorAll('*')) if (el.shadowRoot) { const inner = find(el.shadowRoot); if (inner) return inner; }
        return null;
      };
      type M = { get(k: string): M; set(k: string, v: string): void };
      const session = (find(document) as unknown as { session: { doc: { getMap(n: string): M } } }).session;
      session.doc.getMap('projects').get('p-vehicles').get('indicators').get('v-qty').set('value', '≥999辆');
    });
    const refused = page.locator('[data-testid="refused-values"]');
    await refused.waitFor({ timeout: UI_TIMEOUT });
    expect(await refused.inputValue()).toContain('≥999辆');
    await page.locator('[data-testid="sync-status"][data-state="synced"]').waitFor({ timeout: UI_TIMEOUT });
    await expect.poll(() => vehicles.locator('[data-testid="cell-p-vehicles-v-qty-value"]').textContent(), { timeout: UI_TIMEOUT }).toContain('≥120辆');
    const server = (await api(h.server, 'GET', `/api/docs/${id}`, { token: owner })).body as { projects: Array<{ indicators: Array<{ value: string }> }> };
    expect(server.projects[1]?.indicators[0]?.value).toBe('≥120辆');
    await page.screenshot({ path: '.tmp/grants-refused.png' });
    await page.locator('[data-testid="refused-dismiss"]').click();
    await refused.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
  });

  it('lets the owner set a member’s edit rights in the members dialog', async () => {
    const owner = await signToken(h.server.key, alice);
    const id = ((await api(h.server, 'POST', '/api/docs', { token: owner, body: makeSmallBudgetText() })).body as { id: string }).id;
    await api(h.server, 'PUT', `/api/docs/${id}/members/bob`, { token: owner, body: { role: 'editor', name: '李四' } });
    // 王五 is an editor by his token, not a member: his grant is listed and managed all the same.
    await api(h.server, 'PUT', `/api/docs/${id}/grants/carol`, { token: owner, body: { projects: [], money: true, sections: [] } });
    const page = await h.openDoc(id, owner, 'alice');
    await page.locator('[data-testid="members-open"]').click();
    await expect.poll(() => page.locator('[data-testid="member"][data-sub="carol"] [data-testid="grant-summary"]').textContent(), { timeout: UI_TIMEOUT }).toContain('资金');
    const row = page.locator('[data-testid="member"][data-sub="bob"]');
    await row.locator('[data-testid="grant-summary"]').click();
    const editor = row.locator('[data-testid="grant-editor"]');
    await editor.locator('input[name="project"][value="p-vehicles"]').check();
    await editor.locator('[data-testid="grant-money"]').check();
    await editor.locator('[data-testid="grant-save"]').click();
    await expect.poll(() => row.locator('[data-testid="grant-summary"]').textContent(), { timeout: UI_TIMEOUT }).toContain('1 个项目');
    await page.screenshot({ path: '.tmp/grants-members.png' });
    const grants = (await api(h.server, 'GET', `/api/docs/${id}/grants`, { token: owner })).body;
    expect(grants).toEqual({ grants: [{ sub: 'bob', projects: ['p-vehicles'], money: true, sections: [] }, { sub: 'carol', projects: [], money: true, sections: [] }] });
  });
});
