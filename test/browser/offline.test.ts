import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setIndicatorField } from '../../shared/model/index.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { connectClient } from '../helpers/test-client.ts';
import { api, startTestServer, type TestServer } from '../helpers/test-server.ts';

const CHROMIUM = '/usr/bin/chromium';
const CLIENT_DIR = 'dist/client';
const UI_TIMEOUT = 10_000;
const SHOTS = process.env['OFFLINE_SCREENSHOTS'];
/** What Chromium logs by itself while the network is cut or the server is down: expected here. */
const NETWORK_NOISE = /Failed to load resource|WebSocket connection to .* failed|ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_REFUSED/;
type Role = 'owner' | 'editor' | 'reviewer' | 'viewer';
type Budget = ReturnType<typeof makeSmallBudgetText>;

/** A port nobody uses now: the server restarts on it, so the page's origin (its IndexedDB and service worker) stays the same. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((ok) => probe.listen(0, '127.0.0.1', ok));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((ok) => probe.close(() => ok()));
  return port;
}

describe('offline editing: a browser copy per person and document', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(`${CLIENT_DIR}/index.html`)) throw new Error(`${CLIENT_DIR} is missing: run \`npm run build\` first`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
    expect(pageErrors.splice(0)).toEqual([]);
  });

  /** A server on a fixed port (and its data folder, when given) serving the built client. */
  const startAt = (port: number, dataDir?: string) => startTestServer({ clientDir: CLIENT_DIR, port, ...(dataDir ? { dataDir } : {}) });
  const newDoc = async (server: TestServer) =>
    ((await api(server, 'POST', '/api/docs', { token: await server.tokenFor('olga', 'owner', '所有者'), body: makeSmallBudgetText() })).body as { id: string }).id;
  const serverDoc = async (server: TestServer, id: string) => (await api(server, 'GET', `/api/docs/${id}`, { token: await server.tokenFor('olga', 'owner') })).body as Budget;

  /** A fresh browser profile at http://localhost:<port> (a secure context: service workers run), signed in as `sub`. */
  async function openAs(server: TestServer, id: string, sub: string, role: Role, name: string, context?: BrowserContext): Promise<Page> {
    const ctx = context ?? (await browser.newContext({ viewport: { width: 1400, height: 1000 } }));
    if (!context) contexts.push(ctx);
    const page = await ctx.newPage();
    page.setDefaultTimeout(UI_TIMEOUT);
    page.on('pageerror', (e) => pageErrors.push(`${sub}: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && !NETWORK_NOISE.test(m.text()) && pageErrors.push(`${sub}: ${m.text()}`));
    await page.goto(`http://localhost:${server.port}/docs/${id}#token=${await server.tokenFor(sub, role, name)}`);
    await status(page).and(page.locator('[data-state="synced"]')).waitFor();
    return page;
  }

  const status = (page: Page) => page.locator('[data-testid="sync-status"]');
  const cell = (page: Page, indicator: string, field: string) => page.locator(`[data-testid="cell-p-reception-${indicator}-${field}"]`);
  const section = (page: Page, name: string) => page.locator(`[data-testid="section-${name}"]`);
  /** Resolves once the service worker controls the page (it then holds the built client). */
  const workerReady = (page: Page) => page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: UI_TIMEOUT });

  async function typeIntoCell(page: Page, indicator: string, text: string): Promise<void> {
    await cell(page, indicator, 'value').click();
    await page.keyboard.press('F2');
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(text);
    await page.keyboard.press('Enter');
  }

  it('keeps edits made offline through a reload and a server restart, and merges both sides on reconnect', async () => {
    const port = await freePort();
    let server = await startAt(port);
    const id = await newDoc(server);
    const alice = await openAs(server, id, 'alice', 'editor', '张三');
    await workerReady(alice);

    // The server goes down: the page says so, and every edit counts as unsent.
    await server.stop();
    await status(alice).and(alice.locator('[data-state="offline"]')).waitFor();
    await typeIntoCell(alice, 'r-qty', '≥50批次');
    await typeIntoCell(alice, 'r-soc', '≥97%');
    await section(alice, 'safeguards').click();
    await alice.keyboard.press('Control+End');
    await alice.keyboard.insertText('【离线补充】');
    await expect.poll(() => status(alice).textContent()).toBe('离线 · 3 处修改未同步');
    if (SHOTS) await alice.screenshot({ path: `${SHOTS}/offline-indicator.png`, clip: { x: 0, y: 0, width: 1400, height: 360 } });

    // The server comes back while Alice's network is cut; Bob edits another cell meanwhile.
    await alice.context().setOffline(true);
    server = await startAt(port, server.dataDir);
    const bob = await openAs(server, id, 'bob', 'editor', '李四');
    await typeIntoCell(bob, 'r-sat', '≥99%');
    await status(bob).and(bob.locator('[data-state="synced"]')).waitFor();

    // A reload without a network: the service worker serves the page, the browser copy the document.
    await alice.reload();
    await expect.poll(() => status(alice).textContent()).toBe('离线 · 3 处修改未同步');
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
    await expect.poll(() => cell(alice, 'r-sat', 'value').textContent()).toMatch(/^≥99%/);
    await expect.poll(() => cell(bob, 'r-qty', 'value').textContent()).toBe('≥50批次');
    await expect.poll(() => section(bob, 'safeguards').inputValue()).toContain('【离线补充】');
    expect(await alice.locator('[data-testid="offline-copy"]').count()).toBe(0);

    server = await server.restart();
    const stored = await serverDoc(server, id);
    const rows = stored.projects[0]!.indicators;
    expect([rows.find((r) => r.id === 'r-qty')?.value, rows.find((r) => r.id === 'r-soc')?.value, rows.find((r) => r.id === 'r-sat')?.value]).toEqual(['≥50批次', '≥97%', '≥99%']);
    expect(stored.overview.safeguards).toBe(`${makeSmallBudgetText().overview.safeguards}【离线补充】`);
  });

  it('keeps edits made while the document was submitted and offers them as suggestions in one click', async () => {
    const port = await freePort();
    let server = await startAt(port);
    const id = await newDoc(server);
    const alice = await openAs(server, id, 'alice', 'editor', '张三');

    await server.stop();
    await status(alice).and(alice.locator('[data-state="offline"]')).waitFor();
    await typeIntoCell(alice, 'r-qty', '≥60批次');
    await typeIntoCell(alice, 'r-cost', '≤18万元');
    await expect.poll(() => status(alice).textContent()).toBe('离线 · 2 处修改未同步');

    // Meanwhile the owner submits the document: content is locked when Alice comes back.
    server = await startAt(port, server.dataDir);
    const submitted = await api(server, 'POST', `/api/docs/${id}/status`, { token: await server.tokenFor('olga', 'owner'), body: { status: 'submitted' } });
    expect(submitted.status).toBe(200);

    const kept = alice.locator('[data-testid="kept-edits"]');
    await kept.waitFor({ timeout: 20_000 });
    expect(await kept.locator('[data-testid="kept-reason"]').textContent()).toBe('文档已提交审核，内容已锁定。');
    expect(await kept.locator('[data-testid="kept-change"]').allTextContents()).toEqual([
      '接待管理经费 › 接待批次 › 指标值≥60批次≥45批次',
      '接待管理经费 › 接待经费 › 指标值≤18万元≤20万元',
    ]);
    expect(await status(alice).textContent()).toBe('已连接 · 2 处修改未能保存');
    expect((await serverDoc(server, id)).projects[0]!.indicators.find((r) => r.id === 'r-qty')?.value).toBe('≥45批次');
    if (SHOTS) await kept.screenshot({ path: `${SHOTS}/kept-edits.png` });

    await kept.locator('[data-testid="kept-suggest"]').click();
    await alice.locator('[data-testid="kept-message"]').filter({ hasText: '已作为 2 条建议提交。' }).waitFor();
    const suggestions = (await api(server, 'GET', `/api/docs/${id}/suggestions`, { token: await server.tokenFor('olga', 'owner') })).body as Array<{ author: { sub: string }; indicator: string; value: string; status: string }>;
    expect(suggestions.map((s) => [s.author.sub, s.indicator, s.value, s.status])).toEqual([
      ['alice', 'r-qty', '≥60批次', 'open'],
      ['alice', 'r-cost', '≤18万元', 'open'],
    ]);
    // Handed over: the page shows the server's value with Alice's suggestion beside it, nothing left unsent.
    await expect.poll(() => cell(alice, 'r-qty', 'value').textContent()).toBe('≥45批次≥60批次✓✗');
    expect(await kept.count()).toBe(0);
    expect(await status(alice).textContent()).toBe('已连接 · 已保存');
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
        tx.objectStore('updates').add(new Uint8Array(bytes));
        tx.oncomplete = () => ok();
        tx.onerror = () => fail(tx.error);
      });
      db.close();
    }, { docId: id, bytes: [...forged] });
    await dave.reload();

    await dave.locator('[data-testid="kept-edits"]').waitFor({ timeout: 20_000 });
    expect(await cell(dave, 'r-qty', 'value').textContent()).toBe('≥1批次');
    expect(await dave.locator('[data-testid="kept-reason"]').textContent()).toBe('你在此文档中的角色现为审核者，不能直接修改内容。');
    expect((await serverDoc(server, id)).projects[0]!.indicators.find((r) => r.id === 'r-qty')?.value).toBe('≥45批次');
    expect(await cell(bob, 'r-qty', 'value').textContent()).toBe('≥45批次');
  });

  it('keeps each person\'s copy apart on one browser profile and deletes it on sign-out only', async () => {
    const port = await freePort();
    const server = await startAt(port);
    const id = await newDoc(server);
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    contexts.push(context);
    const alice = await openAs(server, id, 'alice', 'editor', '张三', context);
    await typeIntoCell(alice, 'r-qty', '≥70批次');
    await status(alice).and(alice.locator('[data-state="synced"]')).waitFor();
    await alice.close();

    const bob = await openAs(server, id, 'bob', 'editor', '李四', context);
    await typeIntoCell(bob, 'r-soc', '≥96%');
    await status(bob).and(bob.locator('[data-state="synced"]')).waitFor();
    const copies = () => bob.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith('jixiao.v1:')).sort());
    expect(await copies()).toEqual([`jixiao.v1:alice:${id}`, `jixiao.v1:bob:${id}`]);
    // Bob's page never shows Alice's copy: her value reached him through the server only.
    expect(await cell(bob, 'r-qty', 'value').textContent()).toBe('≥70批次');

    await bob.locator('[data-testid="sign-out"]').click();
    await bob.waitForURL(/\/signin/);
    await expect.poll(copies).toEqual([`jixiao.v1:alice:${id}`]);
  });

  it('keeps the copy when the sign-in expires: signing in again sends the edits', async () => {
    const port = await freePort();
    let server = await startAt(port);
    const id = await newDoc(server);
    const alice = await openAs(server, id, 'alice', 'editor', '张三');
    await server.stop();
    await status(alice).and(alice.locator('[data-state="offline"]')).waitFor();
    await typeIntoCell(alice, 'r-time', '2025年11月30日前');
    await expect.poll(() => status(alice).textContent()).toBe('离线 · 1 处修改未同步');

    // The stored sign-in is no longer accepted: the app asks Alice to sign in, and keeps her copy.
    server = await startAt(port, server.dataDir);
    await alice.evaluate(() => localStorage.setItem('jixiao.token.v1', 'expired.sign.in'));
    await alice.reload();
    await alice.waitForURL(/\/signin/);
    await alice.goto(`http://localhost:${port}/docs/${id}#token=${await server.tokenFor('alice', 'editor', '张三')}`);
    await expect.poll(() => status(alice).textContent(), { timeout: 20_000 }).toBe('已连接 · 已保存');
    expect((await serverDoc(server, id)).projects[0]!.indicators.find((r) => r.id === 'r-time')?.value).toBe('2025年11月30日前');
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
