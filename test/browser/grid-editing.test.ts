import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import { api, type TestServer } from '../helpers/test-server.ts';
import { UI_TIMEOUT, useBrowserHarness } from '../helpers/browser-harness.ts';

const P = 'p-reception';

/** An Excel 2016 HTML clipboard fragment as Windows puts it on the clipboard (written by hand in its shape). */
const EXCEL_HTML = `<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:x="urn:schemas-microsoft-com:office:excel"
xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Excel.Sheet>
<meta name=Generator content="Microsoft Excel 15">
<link id=Main-File rel=Main-File href="file:///C:/Users/kj/AppData/Local/Temp/msohtmlclip1/01/clip.htm">
<style>
<!--table
\t{mso-displayed-decimal-separator:"\\.";
\tmso-displayed-thousand-separator:"\\,";}
.xl65
\t{mso-style-parent:style0;
\tfont-size:10.5pt;
\tfont-family:宋体;
\tmso-font-charset:134;
\tvertical-align:middle;
\tborder:.5pt solid windowtext;
\twhite-space:normal;}
-->
</style>
</head>

<body link="#0563C1" vlink="#954F72">

<table border=0 cellpadding=0 cellspacing=0 width=576 style='border-collapse:
 collapse;width:432pt'>
<!--StartFragment-->
 <col width=72 span=6 style='width:54pt'>
 <tr height=57 style='height:42.75pt'>
  <td rowspan=2 height=95 class=xl65 width=72 style='height:71.25pt;
  width:54pt'>产出指标</td>
  <td class=xl65 width=72 style='border-left:none;width:54pt'>数量指标</td>
  <td class=xl65 width=72 style='border-left:none;width:54pt'>培训场次</td>
  <td class=xl65 width=72 style='border-left:none;width:54pt'>全年组织业务培训<br
  style='mso-data-placement:same-cell'>
  覆盖全部乡镇</td>
  <td class=xl65 width=72 style='border-left:none;width:54pt'>≥12场次</td>
  <td class=xl65 width=72 style='border-left:none;width:54pt'>2025年培训计划</td>
 </tr>
 <tr height=38 style='height:28.5pt'>
  <td height=38 class=xl65 style='height:28.5pt;border-top:none;border-left:
  none'>质量指标</td>
  <td class=xl65 style='border-top:none;border-left:none'>培训合格率</td>
  <td colspan=2 class=xl65 style='border-left:none'>参训人员考核合格占比</td>
  <td class=xl65 style='border-top:none;border-left:none'>往年&nbsp;考核结果</td>
 </tr>
<!--EndFragment-->
</table>

</body>

</html>`;

describe('the indicator grid as a spreadsheet, one person', () => {
  const h = useBrowserHarness();
  let server: TestServer;
  let owner: string;

  beforeAll(async () => {
    server = h.server;
    owner = await server.tokenFor('alice', 'owner', '张三');
  });

  /** A fresh document (so tests do not see each other's edits) opened by alice. */
  async function openFresh(): Promise<{ page: Page; docId: string }> {
    const created = await api(server, 'POST', '/api/docs', { token: owner, body: makeSmallBudgetText() });
    const docId = (created.body as { id: string }).id;
    const page = await h.openDoc(docId, owner);
    await cell(page, 'r-qty', 'level1').waitFor({ timeout: UI_TIMEOUT });
    return { page, docId };
  }

  const cell = (page: Page, row: string, field: string, project = P) => page.locator(`[data-testid="cell-${project}-${row}-${field}"]`);
  const texts = async (page: Page, field: string, project = P) =>
    page.locator(`indicator-grid[project-id="${project}"] [role="gridcell"][aria-colindex="${['level1', 'level2', 'name', 'description', 'value', 'basis'].indexOf(field) + 1}"]`).allTextContents();
  const activeTestId = (page: Page) =>
    page.evaluate(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.closest('[data-testid]')?.getAttribute('data-testid') ?? null;
    });
  const saved = async (docId: string) => {
    const res = await api(server, 'GET', `/api/docs/${docId}`, { token: owner });
    return res.body as ReturnType<typeof makeSmallBudgetText>;
  };

  /** Dispatches a paste of `data` at the focused element, as Ctrl+V would with that clipboard. */
  async function paste(page: Page, data: { html?: string; text?: string }): Promise<void> {
    await page.evaluate(({ html, text }) => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      const dt = new DataTransfer();
      if (html) dt.setData('text/html', html);
      if (text) dt.setData('text/plain', text);
      el?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, composed: true, cancelable: true }));
    }, data);
  }

  /** Presses Ctrl+C and returns what the page put on the clipboard, read from the copy event. */
  async function copy(page: Page): Promise<{ text: string; html: string }> {
    await page.evaluate(() => {
      const w = window as unknown as { copied?: { text: string; html: string } };
      delete w.copied;
      window.addEventListener('copy', (e) => (w.copied = { text: e.clipboardData?.getData('text/plain') ?? '', html: e.clipboardData?.getData('text/html') ?? '' }), { once: true });
    });
    await page.keyboard.press('Control+C');
    await expect.poll(() => page.evaluate(() => !!(window as unknown as { copied?: unknown }).copied), { timeout: UI_TIMEOUT }).toBe(true);
    return page.evaluate(() => (window as unknown as { copied: { text: string; html: string } }).copied);
  }

  it('navigates, edits and clears like a spreadsheet', async () => {
    const { page, docId } = await openFresh();
    await cell(page, 'r-qty', 'name').click();
    // Typing on a selected cell replaces its text, Enter commits and moves down.
    await page.keyboard.type('12');
    await page.keyboard.insertText('批次数');
    await page.keyboard.press('Enter');
    expect(await cell(page, 'r-qty', 'name').textContent()).toBe('12批次数');
    expect(await activeTestId(page)).toBe(`cell-${P}-r-qual-name`);
    // F2 edits in place (appends), Tab commits and moves right; Shift+Tab back.
    await page.keyboard.press('F2');
    await page.keyboard.insertText('！');
    await page.keyboard.press('Tab');
    expect(await cell(page, 'r-qual', 'name').textContent()).toBe('接待工作按时按质完成率！');
    expect(await activeTestId(page)).toBe(`cell-${P}-r-qual-description`);
    await page.keyboard.press('Shift+Tab');
    expect(await activeTestId(page)).toBe(`cell-${P}-r-qual-name`);
    // Esc cancels an edit.
    await page.keyboard.type('x');
    await page.keyboard.insertText('作废');
    await page.keyboard.press('Escape');
    expect(await cell(page, 'r-qual', 'name').textContent()).toBe('接待工作按时按质完成率！');
    // Ctrl+arrows, Home and End jump to the edges.
    await page.keyboard.press('Control+ArrowDown');
    expect(await activeTestId(page)).toBe(`cell-${P}-r-sat-name`);
    await page.keyboard.press('End');
    expect(await activeTestId(page)).toBe(`cell-${P}-r-sat-basis`);
    await page.keyboard.press('Control+Home');
    expect(await activeTestId(page)).toBe(`cell-${P}-r-qty-level1`);
    // Double-click edits in place; Alt+Enter breaks the line; the row grows with the text.
    const before = await page.locator(`[data-testid="row-${P}-r-time"]`).boundingBox();
    await cell(page, 'r-time', 'description').dblclick();
    await page.keyboard.press('Alt+Enter');
    await page.keyboard.insertText('第二行很长的说明文字'.repeat(6));
    await page.keyboard.press('Enter');
    expect(await cell(page, 'r-time', 'description').textContent()).toBe(`全年任务完成时间\n${'第二行很长的说明文字'.repeat(6)}`);
    const after = await page.locator(`[data-testid="row-${P}-r-time"]`).boundingBox();
    expect(after!.height).toBeGreaterThan(before!.height + 30);
    // Shift+arrows select a range; Delete clears all of it as one step.
    await cell(page, 'r-cost', 'value').click();
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    expect(await page.locator(`indicator-grid[project-id="${P}"] [aria-selected="true"]`).count()).toBe(4);
    await page.keyboard.press('Delete');
    expect(await texts(page, 'value')).toEqual(['≥45批次', '=100%', '2025年12月31日前', '', '', '≥95%']);
    expect(await texts(page, 'basis')).toEqual(['2025年工作计划', '2025年工作计划', '2025年工作计划', '', '', '上年满意度调查结果']);
    await page.locator('[data-testid="sync-status"][data-state="synced"]').waitFor({ timeout: UI_TIMEOUT });
    expect((await saved(docId)).projects[0]?.indicators.find((r) => r.id === 'r-qty')?.name).toBe('12批次数');
    // Ctrl+Z brings the cleared range back in one step.
    await page.keyboard.press('Control+Z');
    expect(await texts(page, 'basis')).toEqual(['2025年工作计划', '2025年工作计划', '2025年工作计划', '年初预算安排', '2025年工作计划', '上年满意度调查结果']);
  });

  it('selects with Shift+click and by dragging, and copies the range as TSV and as an HTML table', async () => {
    const { page } = await openFresh();
    await cell(page, 'r-qty', 'name').click();
    await cell(page, 'r-qual', 'value').click({ modifiers: ['Shift'] });
    expect(await page.locator(`indicator-grid[project-id="${P}"] [aria-selected="true"]`).count()).toBe(6);
    const copied = await copy(page);
    expect(copied.text).toBe('接待批次\t年度接待批次\t≥45批次\r\n接待工作按时按质完成率\t按时按质完成的接待占比\t=100%');
    expect(copied.html).toContain('<table><tr><td>接待批次</td><td>年度接待批次</td><td>≥45批次</td></tr>');

    await page.locator(`indicator-grid[project-id="${P}"]`).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const from = await cell(page, 'r-time', 'level1').boundingBox();
    const to = await cell(page, 'r-soc', 'level2').boundingBox();
    await page.mouse.move(from!.x + 10, from!.y + 10);
    await page.mouse.down();
    await page.mouse.move(to!.x + 10, to!.y + 10, { steps: 5 });
    await page.mouse.up();
    expect(await page.locator(`indicator-grid[project-id="${P}"] [aria-selected="true"]`).count()).toBe(6);
    expect((await copy(page)).text).toBe('产出指标\t时效指标\r\n产出指标\t成本指标\r\n效益指标\t社会效益指标');
  });

  it('pastes an Excel HTML clipboard with merged cells and multi-line quoted TSV cell for cell, as one undo step', async () => {
    const { page, docId } = await openFresh();
    await cell(page, 'r-soc', 'level1').click();
    await paste(page, { html: EXCEL_HTML, text: 'ignored when there is a table' });
    const rows = async () => (await saved(docId)).projects[0]!.indicators;
    // The paste overwrites rows 4 and 5 of six, so the row count cannot tell it has been saved: wait for its text.
    await expect.poll(async () => (await rows())[4]?.name, { timeout: UI_TIMEOUT }).toBe('培训场次');
    let now = await rows();
    expect(now).toHaveLength(6);
    expect(now[4]).toMatchObject({ level1: '产出指标', level2: '数量指标', name: '培训场次', description: '全年组织业务培训\n覆盖全部乡镇', value: '≥12场次', basis: '2025年培训计划' });
    expect(now[5]).toMatchObject({ level1: '产出指标', level2: '质量指标', name: '培训合格率', description: '参训人员考核合格占比', value: '', basis: '往年 考核结果' });
    // The pasted block is selected.
    expect(await page.locator(`indicator-grid[project-id="${P}"] [aria-selected="true"]`).count()).toBe(12);

    // Quoted multi-line TSV, taller than the table: rows are added.
    await cell(page, 'r-sat', 'name').click();
    await paste(page, { text: '"甲指标"\t"第一行\n第二行"\t≥1项\r\n乙指标\t"含""引号"""\t=2项\r\n丙指标\t\t≤3天\r\n' });
    await expect.poll(async () => (await rows()).length, { timeout: UI_TIMEOUT }).toBe(8);
    now = await rows();
    expect(now.slice(5).map((r) => [r.name, r.description, r.value])).toEqual([
      ['甲指标', '第一行\n第二行', '≥1项'],
      ['乙指标', '含"引号"', '=2项'],
      ['丙指标', '', '≤3天'],
    ]);
    expect(await cell(page, 'r-sat', 'description').textContent()).toBe('第一行\n第二行');

    // One Ctrl+Z takes the whole paste back, rows included; the toolbar redoes it.
    await page.keyboard.press('Control+Z');
    await expect.poll(async () => (await rows()).length, { timeout: UI_TIMEOUT }).toBe(6);
    expect((await rows())[5]?.name).toBe('培训合格率');
    await page.locator('[data-testid="redo-button"]').click();
    await expect.poll(async () => (await rows()).length, { timeout: UI_TIMEOUT }).toBe(8);

    // A narrative section takes the plain text of a paste.
    await page.locator('[data-testid="section-safeguards"]').click();
    await page.keyboard.press('Control+End');
    await paste(page, { html: '<table><tr><td>表格</td></tr></table>', text: '纯文本' });
    await expect.poll(() => page.locator('[data-testid="section-safeguards"]').inputValue(), { timeout: UI_TIMEOUT }).toBe('加强预算管理，严格执行财务制度。纯文本');
    // Ctrl+Z in a text takes back this user's own text edit too.
    await page.keyboard.press('Control+Z');
    await expect.poll(() => page.locator('[data-testid="section-safeguards"]').inputValue(), { timeout: UI_TIMEOUT }).toBe('加强预算管理，严格执行财务制度。');
  });

  it('inserts, deletes, duplicates and moves rows from the keyboard, the menu and the drag handle', async () => {
    const { page, docId } = await openFresh();
    const ids = async () => (await saved(docId)).projects[0]!.indicators.map((r) => r.id);
    const names = () => texts(page, 'name');
    await cell(page, 'r-qual', 'name').click();
    // Alt+↓ moves the row down; it keeps its id and stays active.
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(ids, { timeout: UI_TIMEOUT }).toEqual(['r-qty', 'r-time', 'r-qual', 'r-cost', 'r-soc', 'r-sat']);
    expect(await activeTestId(page)).toBe(`cell-${P}-r-qual-name`);
    await page.keyboard.press('Alt+ArrowUp');
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(ids, { timeout: UI_TIMEOUT }).toEqual(['r-qual', 'r-qty', 'r-time', 'r-cost', 'r-soc', 'r-sat']);
    // Ctrl+Shift+= inserts above, Ctrl+Shift+D duplicates, Ctrl+- deletes.
    await page.keyboard.press('Control+Shift+Equal');
    expect(await names()).toEqual(['', '接待工作按时按质完成率', '接待批次', '完成时限', '接待经费', '公务活动保障率', '接待对象满意度']);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Control+Shift+D');
    expect((await names()).slice(0, 4)).toEqual(['', '接待工作按时按质完成率', '接待工作按时按质完成率', '接待批次']);
    await page.keyboard.press('Control+Minus');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Control+Minus');
    expect(await names()).toEqual(['接待工作按时按质完成率', '接待批次', '完成时限', '接待经费', '公务活动保障率', '接待对象满意度']);
    // The context menu, from a right click, then from the keyboard (Shift+F10).
    await cell(page, 'r-cost', 'description').click({ button: 'right' });
    await page.locator('[data-testid="row-menu"]').waitFor();
    expect(await page.getByRole('menuitem').allTextContents()).toContain('在下方插入行Ctrl+Alt+=');
    await page.locator('[data-testid="row-menu-insertBelow"]').click();
    expect(await names()).toEqual(['接待工作按时按质完成率', '接待批次', '完成时限', '接待经费', '', '公务活动保障率', '接待对象满意度']);
    expect(await activeTestId(page)).toMatch(/-description$/);
    await page.keyboard.press('Shift+F10');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await page.locator('[data-testid="row-menu"]').count()).toBe(0);
    expect(await names()).toEqual(['接待工作按时按质完成率', '接待批次', '完成时限', '接待经费', '公务活动保障率', '接待对象满意度']);
    // Dragging the handle of 接待对象满意度 above 接待批次.
    await page.locator(`indicator-grid[project-id="${P}"]`).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const handle = page.locator(`[data-testid="handle-${P}-r-sat"]`);
    const target = await page.locator(`[data-testid="row-${P}-r-qty"]`).boundingBox();
    const start = await handle.boundingBox();
    await page.mouse.move(start!.x + 4, start!.y + 4);
    await page.mouse.down();
    await page.mouse.move(start!.x + 4, target!.y + 5, { steps: 8 });
    await page.mouse.up();
    await expect.poll(ids, { timeout: UI_TIMEOUT }).toEqual(['r-qual', 'r-sat', 'r-qty', 'r-time', 'r-cost', 'r-soc']);
  });

  it('offers the hierarchy\'s values in 一级/二级 cells and explains 指标值 while typing', async () => {
    const { page } = await openFresh();
    await cell(page, 'r-soc', 'level2').click();
    await page.keyboard.press('Enter');
    const options = page.locator('[data-testid="cell-choices"] [role="option"]');
    expect(await options.allTextContents()).toEqual(['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标']);
    await page.keyboard.press('Escape');
    await page.keyboard.press('F2');
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('生态');
    expect(await options.allTextContents()).toEqual(['生态效益指标']);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await cell(page, 'r-soc', 'level2').textContent()).toBe('生态效益指标');
    // The ▾ chip opens the list; a click picks.
    await cell(page, 'r-soc', 'level1').click();
    await cell(page, 'r-soc', 'level1').locator('[data-testid="choices-toggle"]').click();
    expect(await options.allTextContents()).toEqual(['产出指标', '效益指标', '满意度指标']);
    await page.locator('[data-testid="choice-满意度指标"]').click();
    expect(await cell(page, 'r-soc', 'level1').textContent()).toBe('满意度指标');

    await cell(page, 'r-qty', 'value').click();
    await page.keyboard.press('F2');
    const hint = page.locator('[data-testid="value-hint"]');
    expect(await hint.textContent()).toContain('定量：≥ 45 批次');
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('≥95%以上');
    expect(await hint.getAttribute('data-kind')).toBe('malformed');
    expect(await hint.textContent()).toContain('单位后还有多余文字');
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('2025年6月底前');
    expect(await hint.textContent()).toContain('时间节点');
    await page.keyboard.press('Escape');
    expect(await cell(page, 'r-qty', 'value').textContent()).toBe('≥45批次');
  });

  it('edits the project header with Enter, Esc and Tab, and keeps the department totals live', async () => {
    const { page } = await openFresh();
    const total = page.locator('[data-testid="totals-total"]');
    expect(await total.textContent()).toBe('28.50 万元');
    const name = page.locator(`[data-testid="project-${P}-name"]`);
    await name.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('接待经费（新）');
    await page.keyboard.press('Escape');
    expect(await name.inputValue()).toBe('接待管理经费');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('接待经费（新）');
    await page.keyboard.press('Enter');
    expect(await page.getByRole('grid', { name: '接待经费（新）' }).count()).toBe(1);
    // Enter moved on to the next field; Tab moves on from there.
    expect(await activeTestId(page)).toBe(`project-${P}-total`);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('30');
    await expect.poll(() => total.textContent(), { timeout: UI_TIMEOUT }).toBe('38.50 万元');
    await page.keyboard.press('Escape');
    await expect.poll(() => total.textContent(), { timeout: UI_TIMEOUT }).toBe('28.50 万元');
    expect(await page.locator(`[data-testid="project-${P}-total"]`).inputValue()).toBe('20');
    await page.keyboard.press('Tab');
    expect(await activeTestId(page)).toBe(`project-${P}-fiscal`);
  });

  it('speaks English when switched: headers, menus and hints', async () => {
    const { page } = await openFresh();
    await page.locator('[data-testid="language-toggle"]').click();
    await cell(page, 'r-qty', 'value').click({ button: 'right' });
    expect(await page.getByRole('menuitem').first().textContent()).toContain('Insert row above');
    await page.keyboard.press('Escape');
    await page.keyboard.press('F2');
    expect(await page.locator('[data-testid="value-hint"]').textContent()).toContain('Quantitative: ≥ 45 批次');
    await page.keyboard.press('Escape');
    expect(await page.locator('[data-testid="undo-button"]').textContent()).toContain('Undo');
    expect(await page.locator('[data-testid="budget-totals"]').textContent()).toContain('Total budget');
    await page.locator('[data-testid="language-toggle"]').click();
  });
});
