import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import { projectsMap, indicatorsOf, readString } from '../../../shared/model/index.ts';
import { focusedTestId, pressChord } from '../helpers/mount.ts';
import { ToastEvent, type ToastRequest } from '../../../client/review/review-events.ts';
import { dispatchClipboard, mountGrid } from './grid-fixture.ts';

describe('<indicator-grid> keyboard', () => {
  it('is an ARIA grid named after the project, one row per indicator plus the header', async () => {
    const { grid, text } = await mountGrid();
    const table = grid.shadowRoot?.querySelector('[role="grid"]');
    expect(table?.getAttribute('aria-label')).to.equal('接待管理经费');
    expect(table?.getAttribute('aria-rowcount')).to.equal('7');
    expect(table?.getAttribute('aria-readonly')).to.equal('false');
    expect(text(0, 2)).to.equal('接待批次');
    expect(text(0, 4)).to.equal('≥45批次');
  });

  it('moves the focused cell with arrows, Tab and Home/End', async () => {
    const { cell } = await mountGrid();
    cell(0, 0).focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(focusedTestId()).to.equal(cell(0, 1).dataset['testid']);
    await sendKeys({ press: 'ArrowDown' });
    expect(focusedTestId()).to.equal(cell(1, 1).dataset['testid']);
    expect(cell(1, 1).getAttribute('tabindex')).to.equal('0');
    expect(cell(0, 0).getAttribute('tabindex')).to.equal('-1');
    await sendKeys({ press: 'Tab' });
    expect(focusedTestId()).to.equal(cell(1, 2).dataset['testid']);
    await sendKeys({ press: 'End' });
    expect(focusedTestId()).to.equal(cell(1, 5).dataset['testid']);
    await sendKeys({ press: 'Home' });
    expect(focusedTestId()).to.equal(cell(1, 0).dataset['testid']);
  });

  it('selects a range with Shift+arrows (aria-selected)', async () => {
    const { cell } = await mountGrid();
    cell(0, 0).focus();
    await pressChord('Shift', 'ArrowRight');
    await pressChord('Shift', 'ArrowDown');
    const selected = [cell(0, 0), cell(0, 1), cell(1, 0), cell(1, 1)].map((c) => c.getAttribute('aria-selected'));
    expect(selected).to.deep.equal(['true', 'true', 'true', 'true']);
    expect(cell(2, 0).getAttribute('aria-selected')).to.equal('false');
  });

  it('types into a cell, commits with Enter and moves down; the Y.Doc holds the value', async () => {
    const { doc, cell, text } = await mountGrid();
    cell(0, 4).focus();
    await sendKeys({ type: '60批次' });
    await sendKeys({ press: 'Enter' });
    expect(text(0, 4)).to.equal('60批次');
    expect(focusedTestId()).to.equal(cell(1, 4).dataset['testid']);
    const row = indicatorsOf(projectsMap(doc).get('p-reception')!).get('r-qty')!;
    expect(readString(row, 'value')).to.equal('60批次');
  });

  it('F2 edits in place and Escape cancels, leaving the cell as it was', async () => {
    const { cell, text } = await mountGrid();
    cell(0, 5).focus();
    await sendKeys({ press: 'F2' });
    await sendKeys({ type: '补充' });
    await sendKeys({ press: 'Escape' });
    expect(text(0, 5)).to.equal('2025年工作计划');
    expect(focusedTestId()).to.equal(cell(0, 5).dataset['testid']);
  });

  it('Delete clears the selected cells', async () => {
    const { cell, text } = await mountGrid();
    cell(0, 3).focus();
    await pressChord('Shift', 'ArrowDown');
    await sendKeys({ press: 'Delete' });
    expect([text(0, 3), text(1, 3), text(2, 3)]).to.deep.equal(['', '', text(2, 3)]);
    expect(text(2, 3)).to.not.equal('');
  });

  it('becoming read-only while a cell is edited closes the editor, writes nothing and offers the typed text to copy', async () => {
    const { doc, grid, cell, text } = await mountGrid();
    const toasts: ToastRequest[] = [];
    grid.addEventListener(ToastEvent.eventName, (e) => toasts.push((e as ToastEvent).toast));
    cell(0, 4).focus();
    await sendKeys({ type: '60批次' });
    expect(grid.shadowRoot?.querySelectorAll('.editor').length).to.equal(1);
    // The document is submitted by a colleague: the session turns the grid read-only.
    grid.readonly = true;
    await grid.updateComplete;
    expect(grid.shadowRoot?.querySelectorAll('.editor').length).to.equal(0);
    expect(text(0, 4)).to.equal('≥45批次');
    const row = indicatorsOf(projectsMap(doc).get('p-reception')!).get('r-qty')!;
    expect(readString(row, 'value')).to.equal('≥45批次');
    expect(toasts.map((t) => t.message)).to.deep.equal(['文档已变为只读，您正在输入的“60批次”没有保存。']);
    expect(toasts[0]?.action?.label).to.equal('复制输入');
    expect(focusedTestId()).to.equal(cell(0, 4).dataset['testid']);
    // Enter, or leaving the cell, writes nothing either.
    await sendKeys({ press: 'Enter' });
    expect(readString(row, 'value')).to.equal('≥45批次');
  });

  it('becoming read-only with the editor open but nothing changed closes it without a message', async () => {
    const { grid, cell } = await mountGrid();
    const toasts: ToastRequest[] = [];
    grid.addEventListener(ToastEvent.eventName, (e) => toasts.push((e as ToastEvent).toast));
    cell(0, 5).focus();
    await sendKeys({ press: 'F2' });
    grid.readonly = true;
    await grid.updateComplete;
    expect(grid.shadowRoot?.querySelectorAll('.editor').length).to.equal(0);
    expect(toasts).to.deep.equal([]);
  });

  it('read-only (a reviewer): arrows move, typing edits nothing', async () => {
    const { grid, cell, text } = await mountGrid(true);
    expect(grid.shadowRoot?.querySelector('[role="grid"]')?.getAttribute('aria-readonly')).to.equal('true');
    cell(0, 4).focus();
    await sendKeys({ type: '9' });
    await sendKeys({ press: 'Delete' });
    expect(text(0, 4)).to.equal('≥45批次');
    expect(grid.shadowRoot?.querySelector('.editor')).to.equal(null);
    await sendKeys({ press: 'ArrowDown' });
    expect(focusedTestId()).to.equal(cell(1, 4).dataset['testid']);
  });
});

describe('<indicator-grid> clipboard', () => {
  it('pastes TSV at the active cell as one undo step', async () => {
    const { history, cell, text } = await mountGrid();
    cell(0, 4).focus();
    dispatchClipboard(cell(0, 4), 'paste', { 'text/plain': '≥46批次\t计划\r\n=99%\t合同\r\n' });
    await Promise.resolve();
    expect([text(0, 4), text(0, 5), text(1, 4), text(1, 5)]).to.deep.equal(['≥46批次', '计划', '=99%', '合同']);
    history.undo();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect([text(0, 4), text(0, 5), text(1, 4), text(1, 5)]).to.deep.equal(['≥45批次', '2025年工作计划', '=100%', '2025年工作计划']);
    expect(history.canUndo).to.equal(false);
  });

  it('pastes an HTML table (Excel, WPS), adding the rows it needs', async () => {
    const { grid, cell, text } = await mountGrid();
    cell(5, 2).focus();
    const table = '<table><tr><td>甲</td><td>说明甲</td></tr><tr><td>乙</td><td>说明乙</td></tr></table>';
    dispatchClipboard(cell(5, 2), 'paste', { 'text/html': table, 'text/plain': '甲\t说明甲\n乙\t说明乙' });
    await grid.updateComplete;
    expect(grid.shadowRoot?.querySelector('[role="grid"]')?.getAttribute('aria-rowcount')).to.equal('8');
    expect([text(5, 2), text(5, 3), text(6, 2), text(6, 3)]).to.deep.equal(['甲', '说明甲', '乙', '说明乙']);
  });

  it('copies the selected range as TSV and an HTML table', async () => {
    const { cell } = await mountGrid();
    cell(0, 2).focus();
    await pressChord('Shift', 'ArrowRight');
    const data = dispatchClipboard(cell(0, 3), 'copy');
    expect(data.getData('text/plain')).to.equal('接待批次\t年度接待批次');
    expect(data.getData('text/html')).to.contain('<table');
  });
});
