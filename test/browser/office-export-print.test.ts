import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFileBytes } from '../../server/office/import-file-bytes.ts';
import { writeBudgetXlsx } from '../../server/office/write-budget-xlsx.ts';
import { writeBudgetDocx } from '../../shared/office/index.ts';
import type { BudgetText } from '../../shared/model/budget-text-schema.ts';
import { makeLargeBudgetText } from '../fixtures/make-large-budget-text.ts';
import { UI_TIMEOUT, useBrowserHarness } from '../helpers/browser-harness.ts';
import { api, type TestServer } from '../helpers/test-server.ts';
import { withoutIds } from '../shared/office/office-fixtures.ts';

// Ten projects: the screen renders the first few and the rest as they scroll near, the print must not wait.
const doc: BudgetText = { ...makeLargeBudgetText(10, 6), department: { code: '434001', name: '乐亭县人民政府办公室', region: '乐亭县' } };

describe('export and print in the browser', () => {
  const h = useBrowserHarness();
  let server: TestServer;
  let owner: string;

  beforeAll(async () => {
    server = h.server;
    owner = await server.tokenFor('alice', 'owner', '张三');
  });

  const create = async () => ((await api(server, 'POST', '/api/docs', { token: owner, body: doc })).body as { id: string }).id;

  async function downloaded(page: Page, button: string): Promise<{ name: string; doc: BudgetText }> {
    const [download] = (await Promise.all([page.waitForEvent('download', { timeout: UI_TIMEOUT }), page.locator(button).click()])) as [Download, unknown];
    const path = await download.path();
    const imported = await importFileBytes(new Uint8Array(await readFile(path)));
    if (!imported.ok) throw imported.error;
    return { name: download.suggestedFilename(), doc: imported.value.doc };
  }

  it('导出 Word and 导出 Excel download the document in the official layout, named by title and date', async () => {
    const page = await h.openDoc(await create(), owner);
    for (const [format, label] of [['docx', '导出 Word'], ['xlsx', '导出 Excel']] as const) {
      const button = `[data-testid="export-${format}"]`;
      expect(await page.locator(button).textContent()).toBe(label);
      const file = await downloaded(page, button);
      expect(file.name).toMatch(new RegExp(`^${doc.title}_\\d{4}-\\d{2}-\\d{2}\\.${format}$`));
      expect(withoutIds(file.doc)).toEqual(withoutIds(doc));
    }
  });

  it('exports a saved version from the compare page’s version picker', async () => {
    const id = await create();
    const vid = ((await api(server, 'POST', `/api/docs/${id}/versions`, { token: owner, body: { label: '初稿' } })).body as { id: string }).id;
    const page = await h.openDoc(id, owner);
    await page.goto(`${server.url}/docs/${id}/compare?from=${vid}&to=current`);
    await page.locator('[data-testid="diff-summary"]').waitFor({ timeout: UI_TIMEOUT });
    const file = await downloaded(page, '[data-testid="export-from"] [data-testid="export-docx"]');
    expect(withoutIds(file.doc)).toEqual(withoutIds(doc));
  });

  it('prints every project from the document model, not the lazily rendered grid, without toolbars', async () => {
    const page = await h.openDoc(await create(), owner);
    const onScreen = await page.locator('indicator-grid').count();
    expect(onScreen).toBeLessThan(doc.projects.length);

    // Ctrl+P: the browser fires beforeprint, then lays out for print media.
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    const sections = page.locator('body > print-layout section.jx-print-project');
    expect(await sections.count()).toBe(doc.projects.length);
    expect(await sections.locator('h3').allTextContents()).toEqual(doc.projects.map((p, i) => `${i + 1}.${p.name}绩效目标表`));
    expect(await sections.nth(9).locator('table.jx-print-grid tbody tr').count()).toBe(6);
    expect(await sections.nth(9).locator('thead th').allTextContents()).toEqual(['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据']);
    expect(await sections.nth(1).evaluate((s) => getComputedStyle(s).breakBefore)).toBe('page');
    expect(await page.locator('jixiao-app').evaluate((app) => getComputedStyle(app).display)).toBe('none');
    expect(await page.locator('body > print-layout').isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    // Back on screen, after printing: the copy is gone and the app is back.
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.emulateMedia({ media: 'screen' });
    expect(await sections.count()).toBe(0);
    expect(await page.locator('body > print-layout').isVisible()).toBe(false);
  });

  it('the import dialog takes a .docx from the picker and an .xlsx dropped on the page', async () => {
    const page = await h.openDoc(await create(), owner);
    await page.goto(`${server.url}/`);
    await page.locator('[data-testid="doc-list"]').waitFor({ timeout: UI_TIMEOUT });
    const dialog = page.locator('[data-testid="import-dialog"]');
    await page.locator('[data-testid="import-file"]').setInputFiles({ name: '绩效文本.docx', mimeType: 'application/octet-stream', buffer: Buffer.from(await writeBudgetDocx(doc)) });
    await dialog.getByRole('heading', { name: '导入完成' }).waitFor({ timeout: UI_TIMEOUT });
    expect(await dialog.locator('[data-testid="import-projects"]').textContent()).toBe(String(doc.projects.length));
    expect(await dialog.locator('[data-testid="import-layout"]').textContent()).toBe('docx');
    await dialog.getByRole('button', { name: '关闭' }).click();

    const xlsx = [...(await writeBudgetXlsx(doc))];
    const files = await page.evaluateHandle((bytes) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], '绩效文本.xlsx'));
      return transfer;
    }, xlsx);
    await page.dispatchEvent('body', 'dragover', { dataTransfer: files });
    await page.dispatchEvent('body', 'drop', { dataTransfer: files });
    await dialog.getByRole('heading', { name: '导入完成' }).waitFor({ timeout: UI_TIMEOUT });
    expect(await dialog.locator('[data-testid="import-layout"]').textContent()).toBe('xlsx');
    expect(await dialog.locator('[data-testid="import-indicators"]').textContent()).toBe(String(doc.projects.length * 6));
  });

  it('the 打印 button lays the document out and opens the print dialog', async () => {
    const page = await h.openDoc(await create(), owner);
    await page.evaluate(() => (window.print = () => document.body.setAttribute('data-printed', String(document.querySelectorAll('print-layout section').length))));
    await page.locator('[data-testid="print"]').click();
    expect(await page.locator('body').getAttribute('data-printed')).toBe(String(doc.projects.length));
  });
});
