import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setIndicatorField } from '../../shared/model/index.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { allowConsole } from '../helpers/fail-on-console.ts';
import { failWrites } from '../helpers/failing-writes.ts';
import { connectClient } from '../helpers/test-client.ts';
import { api, startTestServer, type TestServer } from '../helpers/test-server.ts';
import { CHROMIUM, CHROMIUM_ARGS, CLIENT_DIR, UI_TIMEOUT, typeIntoCell, useChromium } from '../helpers/browser-harness.ts';
import { freePort } from '../helpers/free-port.ts';

const SHOTS = process.env['OFFLINE_SCREENSHOTS'];
/**
 * What Chromium logs by itself while the network is cut or the server is down: expected here (the
 * service worker registers once the document is painted, so a server stopped right after fails
 * its script's fetch).
 */
const NETWORK_NOISE = /Failed to load resource|WebSocket connection to .* failed|ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_REFUSED|An unknown error occurred when fetching the script/;
type Role = 'owner' | 'editor' | 'reviewer' | 'viewer';
type Budget = ReturnType<typeof makeSmallBudgetText>;


describe('offline editing: a browser copy per person and document', () => {
  const chrome = useChromium();
  const { contexts, pageErrors } = chrome;

  /** A server on a fixed port (and its data folder, when given) serving the built client. */
  const startAt = (port: number, dataDir?: string, jwtSecret?: string) => startTestServer({ clientDir: CLIENT_DIR, port, ...(dataDir ? { dataDir } : {}), ...(jwtSecret ? { jwtSecret } : {}) });
  const newDoc = async (server: TestServer) =>
    ((await api(server, 'POST', '/api/docs', { token: await server.tokenFor('olga', 'owner', '所有者'), body: makeSmallBudgetText() })).body as { id: string }).id;
  const serverDoc = async (server: TestServer, id: string) => (await api(server, 'GET', `/api/docs/${id}`, { token: await server.tokenFor('olga', 'owner') })).body as Budget;

  /** A new page of `context` whose errors fail the test. */
  async function watchedPage(context: BrowserContext, sub: string): Promise<Page> {
    const page = await context.newPage();
    page.setDefaultTimeout(UI_TIMEOUT);
    page.on('pageerror', (e) => pageErrors.push(`${sub}: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && !NETWORK_NOISE.test(m.text()) && pageErrors.push(`${sub}: ${m.text()}`));
    return page;
  }

  /** A fresh browser profile at http://localhost:<port> (a secure context: service workers run), signed in as `sub`. */
  async function openAs(server: TestServer, id: string, sub: string, role: Role, name: string, context?: BrowserContext): Promise<Page> {
    const ctx = context ?? (await chrome.browser.newContext({ viewport: { width: 1400, height: 1000 } }));
    if (!context) contexts.push(ctx);
    const page = await watchedPage(ctx, sub);
    await page.goto(`http://localhost:${server.port}/docs/${id}#token=${await server.tokenFor(sub, role, name)}`);
    await status(page).and(page.locator('[data-state="synced"]')).waitFor();
    return page;
  }

  const status = (page: Page) => page.locator('[data-testid="sync-status"]');
  const cell = (page: Page, indicator: string, field: string) => page.locator(`[data-testid="cell-p-reception-${indicator}-${field}"]`);
  const section = (page: Page, name: string) => page.locator(`[data-testid="section-${name}"]`);
  /** Resolves once the service worker controls the page (it then holds the built client). */
  const workerReady = (page: Page) => page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: UI_TIMEOUT });

  /** This profile's local copies (IndexedDB databases of jixiao), sorted. */
  const copiesIn = (page: Page) => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith('jixiao.v1:')).sort());
  /**
   * Resolves once every edit made so far is written to the copy `name`: IndexedDB runs a read after
   * the writes that began before it, so the count it sees includes them. Returns that count.
   */
  const storedUpdates = (page: Page, name: string) =>
    page.evaluate(async (db) => {
      const conn = await new Promise<IDBDatabase>((ok, fail) => {
        const req = indexedDB.open(db);
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      const req = conn.transaction('updates').objectStore('updates').count();
      const n = await new Promise<number>((ok, fail) => {
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      conn.close();
      return n;
    }, name);

  it('keeps edits made offline through a reload and a server restart, and merges both sides on reconnect', async () => {
    const port = await freePort();
    let server = await startAt(port);
    const id = await newDoc(server);
    const alice = await openAs(server, id, 'alice', 'editor', '张三');
    await workerReady(alice);

    // The server goes down: the page says so, and every edit counts as unsent.
    await server.stop();
    await status(alice).and(alice.locator('[data-state="offline"]')).waitFor();
    await typeIntoCell(cell(alice, 'r-qty', 'value'), '≥50批次');
    await typeIntoCell(cell(alice, 'r-soc', 'value'), '≥97%');
    await section(alice, 'safeguards').click();
    await alice.keyboard.press('Control+End');
    await alice.keyboard.insertText('【离线补充】');
    await expect.poll(() => status(alice).textContent(), { timeout: UI_TIMEOUT }).toBe('离线 · 3 处修改未同步');
    if (SHOTS) await alice.screenshot({ path: `${SHOTS}/offline-indicator.png`, clip: { x: 0, y: 0, width: 1400, height: 360 } });

    // The server comes back while Alice's network is cut; Bob edits another cell meanwhile.
    await alice.context().setOffline(true);
    server = await startAt(port, server.dataDir);
    const bob = await openAs(server, id, 'bob', 'editor', '李四');
    await typeIntoCell(cell(bob, 'r-sat', 'value'), '≥99%');
    await status(bob).and(bob.locator('[data-state="synced"]')).waitFor();

    // A reload without a network: the service worker serves the page, the browser copy the document.
    await alice.reload();
    await expect.poll(() => status(alice).textContent(), { timeout: UI_TIMEOUT }).toBe('离线 · 3 处修改未同步');
    await alice.locator('[data-testid="offline-copy"]').waitFor();
    if (SHOTS) await alice.screenshot({ path: `${SHOTS}/offline-reload.png`, clip: { x: 0, y: 0, width: 1400, height: 420 } });
    expect(await cell(alice, 'r-qty', 'value').textContent()).toBe('≥50批次');
    expect(await section(alice, 'safeguards').inputValue()).toContain('【离线补充】');
    expect(await cell(alice, 'r-sat', 'value').textContent()).toBe('≥95%');

    // Back online: both sides' edits everywhere, and 已保存 only once the server has them all.
    await alice.context().setOffline(false);
    await expect.poll(() => status(alice).getAttribute('data-state'), { timeout: 20_000 }).toBe('synced');
    expect(await status(alice).textContent()).toBe('已连接 · 已保存');
    // (Bob's name label follows, outlining the cell he is in.)
    await expect.poll(() => cell(alice, 'r-sat', 'value').textContent(), { timeout: UI_TIMEOUT }).toMatch(/^≥99%/);
    await expect.poll(() => cell(bob, 'r-qty', 'value').textContent(), { timeout: UI_TIMEOUT }).toBe('≥50批次');
    await expect.poll(() => section(bob, 'safeguards').inputValue(), { timeout: UI_TIMEOUT }).toContain('【离线补充】');
    expect(await alice.locator('[data-testid="offline-copy"]').count()).toBe(0);

    server = await server.restart();
    const stored = await serverDoc(server, id);
    const rows = stored.projects[0]!.indicators;
    expect([rows.find((r) => r.id === 'r-qty')?.value, rows.find((r) => r.id === 'r-soc')?.value, rows.find((r) => r.id === 'r-sat')?.value]).toEqual(['≥50批次', '≥97%', '≥99%']);
    expect(stored.overview.safeguards).toBe(`${makeSmallBudgetText().overview.safeguards}【离线补充】`);
  });

  it('says 已保存 only once the server stored the edit, never while its writes fail', async () => {
    allowConsole(/could not store an update/);
    const port = await freePort();
    let server = await startAt(port);
    const id = await newDoc(server);
    const alice = await openAs(server, id, 'alice', 'editor', '张三');
    // Every state and label the badge shows from now on, in order.
    await alice.evaluate(() => {
      const find = (root: ParentNode): Element | null => root.querySelector('sync-status') ?? [...root.querySelectorAll('*')].map((e) => (e.shadowRoot ? find(e.shadowRoot) : null)).find((e) => e) ?? null;
      const badge = find(document)?.shadowRoot;
      if (!badge) throw new Error('no sync-status on the page');
      const shown: string[] = [];
      Object.assign(window, { shown });
      const note = () => {
        const span = badge.querySelector('span');
        if (span) shown.push(`${span.dataset['state']}|${span.textContent}`);
      };
      new MutationObserver(note).observe(badge, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    const shown = () => alice.evaluate(() => (window as unknown as { shown: string[] }).shown);

    // Alice's presence is applied, so her client id is bound and stored: the failing writes below
    // must meet her edit, not a presence claim still on its way (which closes the socket before
    // the edit, with nothing pending yet).
    const presenceApplied = () => [...(server.hocuspocus.documents.get(id)?.awareness?.getStates().values() ?? [])]
      .some((s) => (s as { user?: { sub?: string } }).user?.sub === 'alice');
    await expect.poll(presenceApplied, { timeout: UI_TIMEOUT }).toBe(true);
    const broken = failWrites(server.store.db, true);
    await typeIntoCell(cell(alice, 'r-qty', 'value'), '≥80批次');
    // The server closed the socket instead of acknowledging (storage-failed): the edit is still pending.
    await expect.poll(async () => (await shown()).includes('offline|离线 · 1 处修改未同步'), { timeout: 20_000 }).toBe(true);
    expect((await serverDoc(server, id)).projects[0]!.indicators.find((r) => r.id === 'r-qty')?.value).toBe('≥45批次');
    const whileFailing = await shown();
    broken.restore();

    await expect.poll(() => status(alice).textContent(), { timeout: 30_000 }).toBe('已连接 · 已保存');
    expect(whileFailing.filter((s) => s.includes('已保存'))).toEqual([]);
    // Offline at once with the count: the edit typed just before is never left out.
    expect(new Set(whileFailing.filter((s) => s.startsWith('offline|')))).toEqual(new Set(['offline|离线 · 1 处修改未同步']));
    server = await server.restart();
    expect((await serverDoc(server, id)).projects[0]!.indicators.find((r) => r.id === 'r-qty')?.value).toBe('≥80批次');
  });

  it('keeps edits made while the document was submitted and offers them as suggestions in one click', async () => {
    const port = await freePort();
    let server = await startAt(port);
    const id = await newDoc(server);
    const alice = await openAs(server, id, 'alice', 'editor', '张三');

    await server.stop();
    await status(alice).and(alice.locator('[data-state="offline"]')).waitFor();
    await typeIntoCell(cell(alice, 'r-qty', 'value'), '≥60批次');
    await typeIntoCell(cell(alice, 'r-cost', 'value'), '≤18万元');
    await expect.poll(() => status(alice).textContent(), { timeout: UI_TIMEOUT }).toBe('离线 · 2 处修改未同步');

    // Meanwhile the owner submits the document: content is locked when Alice comes back (her
    // network stays cut until then, or she could reconnect before the lock).
    await alice.context().setOffline(true);
    server = await startAt(port, server.dataDir);
    const submitted = await api(server, 'POST', `/api/docs/${id}/status`, { token: await server.tokenFor('olga', 'owner'), body: { status: 'submitted' } });
    expect(submitted.status).toBe(200);
    await alice.context().setOffline(false);

    const kept = alice.locator('[data-testid="kept-edits"]');
    await kept.waitFor({ timeout: 20_000 });
    // The status arrives with the review document, just after the content locked.
    await expect.poll(() => kept.locator('[data-testid="kept-reason"]').textContent(), { timeout: UI_TIMEOUT }).toBe('文档已提交审核，内容已锁定。');
    await expect.poll(() => kept.locator('[data-testid="kept-change"]').allTextContents(), { timeout: UI_TIMEOUT }).toEqual([
      '接待管理经费 › 接待批次 › 指标值≥60批次≥45批次',
      '接待管理经费 › 接待经费 › 指标值≤18万元≤20万元',
    ]);
    await expect.poll(() => status(alice).textContent(), { timeout: UI_TIMEOUT }).toBe('已连接 · 2 处修改未能保存');
    expect((await serverDoc(server, id)).projects[0]!.indicators.find((r) => r.id === 'r-qty')?.value).toBe('≥45批次');
    if (SHOTS) await kept.screenshot({ path: `${SHOTS}/kept-edits.png` });

    // From the keyboard, as in the export test: a pointer click can land on what the page shifted under it.
    await kept.locator('[data-testid="kept-suggest"]').focus();
    await alice.keyboard.press('Enter');
    await expect.poll(() => alice.locator('[data-testid="kept-message"]').textContent(), { timeout: 20_000 }).toBe('已作为 2 条建议提交。');
    const suggestions = (await api(server, 'GET', `/api/docs/${id}/suggestions`, { token: await server.tokenFor('olga', 'owner') })).body as Array<{ author: { sub: string }; indicator: string; value: string; status: string }>;
    expect(suggestions.map((s) => [s.author.sub, s.indicator, s.value, s.status])).toEqual([
      ['alice', 'r-qty', '≥60批次', 'open'],
      ['alice', 'r-cost', '≤18万元', 'open'],
    ]);
    // Handed over: the page shows the server's value with Alice's suggestion beside it, nothing left unsent.
    await expect.poll(() => cell(alice, 'r-qty', 'value').textContent(), { timeout: UI_TIMEOUT }).toBe('≥45批次≥60批次✓✗');
    await expect.poll(() => kept.count(), { timeout: UI_TIMEOUT }).toBe(0);
    await expect.poll(() => status(alice).textContent(), { timeout: UI_TIMEOUT }).toBe('已连接 · 已保存');
  });

  it('never lets a reviewer whose browser copy was tampered with change the document', async () => {
    const port = await freePort();
    const server = await startAt(port);
    const id = await newDoc(server);
    const dave = await openAs(server, id, 'dave', 'reviewer', '赵六');
    const bob = await openAs(server, id, 'bob', 'editor', '李四');

    // Dave writes an edit straight into his copy, as a hostile script could, and reloads.
    const forged = await forgeEdit(server, id);
    await dave.evaluate(async ({ docId, bytes }) => {
      const names = (await indexedDB.databases()).map((d) => d.name ?? '');
      const name = names.find((n) => n === `jixiao.v1:dave:${docId}`);
      if (!name) throw new Error(`no copy of ${docId} among ${names.join(', ')}`);
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      await new Promise<void>((ok, fail) => {
        const tx = db.transaction('updates', 'readwrite');
        tx.objectStore('updates').add({ update: new Uint8Array(bytes), remote: false });
        tx.oncomplete = () => ok();
        tx.onerror = () => fail(tx.error);
      });
      db.close();
    }, { docId: id, bytes: [...forged] });
    await dave.reload();

    await dave.locator('[data-testid="kept-edits"]').waitFor({ timeout: 20_000 });
    expect(await cell(dave, 'r-qty', 'value').textContent()).toBe('≥1批次');
    await expect.poll(() => dave.locator('[data-testid="kept-reason"]').textContent(), { timeout: UI_TIMEOUT }).toBe('你在此文档中的角色现为审核者，不能直接修改内容。');
    expect((await serverDoc(server, id)).projects[0]!.indicators.find((r) => r.id === 'r-qty')?.value).toBe('≥45批次');
    expect(await cell(bob, 'r-qty', 'value').textContent()).toBe('≥45批次');
  });

  it('keeps each person\'s copy apart on one browser profile and deletes it on sign-out only', async () => {
    const port = await freePort();
    const server = await startAt(port);
    const id = await newDoc(server);
    const context = await chrome.browser.newContext({ viewport: { width: 1400, height: 1000 } });
    contexts.push(context);
    const alice = await openAs(server, id, 'alice', 'editor', '张三', context);
    await typeIntoCell(cell(alice, 'r-qty', 'value'), '≥70批次');
    await status(alice).and(alice.locator('[data-state="synced"]')).waitFor();
    await alice.close();

    const bob = await openAs(server, id, 'bob', 'editor', '李四', context);
    await typeIntoCell(cell(bob, 'r-soc', 'value'), '≥96%');
    await status(bob).and(bob.locator('[data-state="synced"]')).waitFor();
    const copies = () => bob.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith('jixiao.v1:')).sort());
    expect(await copies()).toEqual([`jixiao.v1:alice:${id}`, `jixiao.v1:bob:${id}`]);
    // Bob's page never shows Alice's copy: her value reached him through the server only.
    expect(await cell(bob, 'r-qty', 'value').textContent()).toBe('≥70批次');

    await bob.locator('[data-testid="sign-out"]').click();
    await bob.waitForURL(/\/signin/);
    await expect.poll(copies, { timeout: UI_TIMEOUT }).toEqual([`jixiao.v1:alice:${id}`]);
  });

  it('keeps the copy when the sign-in expires: signing in again sends the edits', async () => {
    const port = await freePort();
    let server = await startAt(port);
    const id = await newDoc(server);
    const alice = await openAs(server, id, 'alice', 'editor', '张三');
    await server.stop();
    await status(alice).and(alice.locator('[data-state="offline"]')).waitFor();
    await typeIntoCell(cell(alice, 'r-time', 'value'), '2025年11月30日前');
    await expect.poll(() => status(alice).textContent(), { timeout: UI_TIMEOUT }).toBe('离线 · 1 处修改未同步');

    // The stored sign-in is no longer accepted: the app asks Alice to sign in, and keeps her copy.
    server = await startAt(port, server.dataDir);
    await alice.evaluate(() => localStorage.setItem('jixiao.token.v1', 'expired.sign.in'));
    await alice.reload();
    await alice.waitForURL(/\/signin/);
    await alice.goto(`http://localhost:${port}/docs/${id}#token=${await server.tokenFor('alice', 'editor', '张三')}`);
    await expect.poll(() => status(alice).textContent(), { timeout: 20_000 }).toBe('已连接 · 已保存');
    expect((await serverDoc(server, id)).projects[0]!.indicators.find((r) => r.id === 'r-time')?.value).toBe('2025年11月30日前');
  });

  it('reopens a document opened before after a browser restart without a network, and sends its edits once the server is back', async () => {
    const port = await freePort();
    let server = await startAt(port);
    const id = await newDoc(server);
    const profile = await mkdtemp(join(tmpdir(), 'jixiao-profile-'));
    const browsers: BrowserContext[] = [];
    try {
      const first = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, viewport: { width: 1400, height: 1000 } });
      browsers.push(first);
      const alice = await watchedPage(first, 'alice');
      await alice.goto(`http://localhost:${port}/docs/${id}#token=${await server.tokenFor('alice', 'editor', '张三')}`);
      await status(alice).and(alice.locator('[data-state="synced"]')).waitFor();
      await workerReady(alice);
      await server.stop();
      await status(alice).and(alice.locator('[data-state="offline"]')).waitFor();
      await typeIntoCell(cell(alice, 'r-qty', 'value'), '≥55批次');
      await expect.poll(() => status(alice).textContent(), { timeout: UI_TIMEOUT }).toBe('离线 · 1 处修改未同步');
      expect(await storedUpdates(alice, `jixiao.v1:alice:${id}`)).toBeGreaterThan(0);
      await first.close();

      // The browser starts again with no network and no server: the document opens from this profile.
      const second = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, viewport: { width: 1400, height: 1000 }, offline: true });
      browsers.push(second);
      const again = await watchedPage(second, 'alice');
      await again.goto(`http://localhost:${port}/docs/${id}`);
      // A cold browser opens the page from its service worker and the document from IndexedDB first
      // (a new Chromium process and its service worker starting: slow on a loaded machine).
      await expect.poll(() => status(again).textContent(), { timeout: 20_000 }).toBe('离线 · 1 处修改未同步');
      expect(await again.locator('[data-testid="offline-copy"]').textContent()).toContain('正在显示本浏览器保存的副本');
      expect(await cell(again, 'r-qty', 'value').textContent()).toBe('≥55批次');
      expect(await cell(again, 'r-soc', 'value').textContent()).toBe('≥95%');
      await expect.poll(() => again.locator('[data-testid="current-user"]').textContent(), { timeout: UI_TIMEOUT }).toContain('张三');

      server = await startAt(port, server.dataDir);
      await second.setOffline(false);
      await expect.poll(() => status(again).textContent(), { timeout: 20_000 }).toBe('已连接 · 已保存');
      expect(await again.locator('[data-testid="offline-copy"]').count()).toBe(0);
      server = await server.restart();
      expect((await serverDoc(server, id)).projects[0]!.indicators.find((r) => r.id === 'r-qty')?.value).toBe('≥55批次');

      // Signing out works without a network too, and leaves nothing of Alice's behind.
      await second.setOffline(true);
      await again.reload();
      await again.locator('[data-testid="offline-copy"]').waitFor();
      await again.locator('[data-testid="sign-out"]').click();
      await again.waitForURL(/\/signin/);
      await expect.poll(() => copiesIn(again), { timeout: UI_TIMEOUT }).toEqual([]);
    } finally {
      // The profile folder goes only after its browser has closed (and stopped writing into it).
      for (const b of browsers) await b.close();
      await rm(profile, { recursive: true, force: true, maxRetries: 3 });
    }
  });

  it('keeps edits made while the person lost edit rights, offers the cells as suggestions and exports the rest', async () => {
    const port = await freePort();
    let server = await startAt(port);
    const id = await newDoc(server);
    const alice = await openAs(server, id, 'alice', 'editor', '张三');

    await server.stop();
    await status(alice).and(alice.locator('[data-state="offline"]')).waitFor();
    await typeIntoCell(cell(alice, 'r-qty', 'value'), '≥65批次');
    await section(alice, 'safeguards').click();
    await alice.keyboard.press('Control+End');
    await alice.keyboard.insertText('【离线补充】');
    await expect.poll(() => status(alice).textContent(), { timeout: UI_TIMEOUT }).toBe('离线 · 2 处修改未同步');

    // Meanwhile the owner makes Alice a reviewer of this document (before her network is back).
    await alice.context().setOffline(true);
    server = await startAt(port, server.dataDir);
    const demoted = await api(server, 'PUT', `/api/docs/${id}/members/alice`, { token: await server.tokenFor('olga', 'owner'), body: { role: 'reviewer', name: '张三' } });
    expect(demoted.status).toBe(200);
    await alice.context().setOffline(false);

    const kept = alice.locator('[data-testid="kept-edits"]');
    await kept.waitFor({ timeout: 20_000 });
    await expect.poll(() => kept.locator('[data-testid="kept-reason"]').textContent(), { timeout: UI_TIMEOUT }).toBe('你在此文档中的角色现为审核者，不能直接修改内容。');
    expect(await kept.locator('[data-testid="kept-change"]').allTextContents()).toEqual([
      `第一部分　部门整体绩效目标 › 工作保障措施${makeSmallBudgetText().overview.safeguards}【离线补充】${makeSmallBudgetText().overview.safeguards}`,
      '接待管理经费 › 接待批次 › 指标值≥65批次≥45批次',
    ]);
    await expect.poll(() => status(alice).textContent(), { timeout: UI_TIMEOUT }).toBe('已连接 · 2 处修改未能保存');
    const stored = await serverDoc(server, id);
    expect([stored.projects[0]!.indicators.find((r) => r.id === 'r-qty')?.value, stored.overview.safeguards]).toEqual(['≥45批次', makeSmallBudgetText().overview.safeguards]);

    // The export holds both edits, with why they were not saved.
    // From the keyboard: a pointer click can wait behind the sticky header the page scrolled under.
    await kept.locator('[data-testid="kept-export"]').focus();
    const [download] = await Promise.all([alice.waitForEvent('download', { timeout: 20_000 }), alice.keyboard.press('Enter')]);
    const exported = JSON.parse(await readFile(await download.path(), 'utf8')) as { reason: string; changes: Array<{ kind: string; value: string }> };
    expect(exported.reason).toBe('你在此文档中的角色现为审核者，不能直接修改内容。');
    expect(exported.changes.map((c) => [c.kind, c.value])).toEqual([
      ['section', `${makeSmallBudgetText().overview.safeguards}【离线补充】`],
      ['cell', '≥65批次'],
    ]);

    // One click: the cell becomes a suggestion; the narrative text stays kept for export.
    await kept.locator('[data-testid="kept-suggest"]').click();
    await alice.locator('[data-testid="kept-message"]').filter({ hasText: '已作为 1 条建议提交。' }).waitFor();
    const suggestions = (await api(server, 'GET', `/api/docs/${id}/suggestions`, { token: await server.tokenFor('olga', 'owner') })).body as Array<{ author: { sub: string }; indicator: string; value: string; status: string }>;
    expect(suggestions.map((s) => [s.author.sub, s.indicator, s.value, s.status])).toEqual([['alice', 'r-qty', '≥65批次', 'open']]);
    expect(await kept.count()).toBe(1);
  });

  it('deletes the copy of a document the server no longer has on the next connection, but keeps unsent edits listed', async () => {
    const port = await freePort();
    const secret = 'offline-test-secret-0123456789abcdef';
    const before = await startAt(port, undefined, secret);
    const saved = await newDoc(before);
    const edited = await newDoc(before);
    const context = await chrome.browser.newContext({ viewport: { width: 1400, height: 1000 } });
    contexts.push(context);
    const alice = await openAs(before, saved, 'alice', 'editor', '张三', context);
    await alice.goto(`http://localhost:${port}/docs/${edited}`);
    await status(alice).and(alice.locator('[data-state="synced"]')).waitFor();
    expect(await copiesIn(alice)).toEqual([`jixiao.v1:alice:${edited}`, `jixiao.v1:alice:${saved}`].sort());

    await before.stop();
    await status(alice).and(alice.locator('[data-state="offline"]')).waitFor();
    await typeIntoCell(cell(alice, 'r-qty', 'value'), '≥75批次');
    await expect.poll(() => status(alice).textContent(), { timeout: UI_TIMEOUT }).toBe('离线 · 1 处修改未同步');
    expect(await storedUpdates(alice, `jixiao.v1:alice:${edited}`)).toBeGreaterThan(0);

    // The same sign-in, but a server that holds neither document any more.
    const after = await startAt(port, undefined, secret);
    const kept = alice.locator('[data-testid="kept-edits"]');
    await kept.waitFor({ timeout: 20_000 });
    await expect.poll(() => kept.locator('[data-testid="kept-reason"]').textContent(), { timeout: UI_TIMEOUT }).toBe('文档已删除，或你已无权访问。');
    expect(await kept.locator('[data-testid="kept-suggest"]').count()).toBe(0);
    expect(await kept.locator('[data-testid="kept-export"]').count()).toBe(1);

    await alice.goto(`http://localhost:${after.port}/docs/${saved}`);
    await alice.locator('[data-testid="doc-error"]').waitFor();
    await expect.poll(() => copiesIn(alice), { timeout: UI_TIMEOUT }).toEqual([`jixiao.v1:alice:${edited}`]);
  });

  it('says offline reload is unavailable where service workers are not allowed (plain http, not localhost)', async () => {
    const server = await startAt(await freePort());
    const id = await newDoc(server);
    // Another host name for the same server: an insecure context, as a LAN address over http is.
    const lan = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP jixiao.test 127.0.0.1'] });
    try {
      const page = await lan.newPage();
      page.on('pageerror', (e) => pageErrors.push(e.message));
      await page.goto(`http://jixiao.test:${server.port}/docs/${id}#token=${await server.tokenFor('alice', 'editor', '张三')}`);
      await status(page).and(page.locator('[data-state="synced"]')).waitFor({ timeout: UI_TIMEOUT });
      expect(await page.locator('[data-testid="offline-no-reload"]').textContent()).toContain('断网后无法重新加载页面');
      expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
    } finally {
      await lan.close();
    }
  });
});

/** An update that sets 接待批次's 指标值 to ≥1批次, made by a client of its own against the server's state. */
async function forgeEdit(server: TestServer, id: string): Promise<Uint8Array> {
  const reader = connectClient(server.wsUrl, id, await server.tokenFor('eve', 'viewer'));
  await reader.synced;
  const before = Y.encodeStateVector(reader.doc);
  const scratch = new Y.Doc();
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(reader.doc));
  reader.destroy();
  setIndicatorField(scratch, 'p-reception', 'r-qty', 'value', '≥1批次');
  return Y.encodeStateAsUpdate(scratch, before);
}
