import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import { dispatchClipboard, mountGrid } from './grid-fixture.ts';

describe('<indicator-grid> 上年指标值', () => {
  it('shows nothing extra without last year’s values', async () => {
    const { grid, text } = await mountGrid();
    expect(grid.shadowRoot?.querySelectorAll('[data-testid="previous-value"]').length).to.equal(0);
    expect(text(0, 4)).to.equal('≥45批次');
  });

  it('shows last year’s value under 指标值 of matched rows only, keeping columns, keys, copy and editing as they were', async () => {
    const { grid, cell, text } = await mountGrid();
    grid.previous = new Map([['r-qty', { value: '≥40批次', basis: '2024年工作计划' }]]);
    await grid.updateComplete;
    const line = cell(0, 4).querySelector('[data-testid="previous-value"]');
    expect(line?.textContent?.replace(/\s+/g, ' ').trim()).to.equal('上年 ≥40批次');
    expect(cell(1, 4).querySelector('[data-testid="previous-value"]')).to.equal(null);
    expect(text(0, 5)).to.equal('2025年工作计划');

    const table = grid.shadowRoot?.querySelector('[role="grid"]');
    expect(table?.getAttribute('aria-colcount')).to.equal('6');
    expect(grid.shadowRoot?.querySelectorAll('[role="columnheader"]').length).to.equal(6);
    expect(cell(0, 4).getAttribute('aria-colindex')).to.equal('5');

    cell(0, 4).focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(cell(0, 5).getAttribute('tabindex')).to.equal('0');
    await sendKeys({ press: 'ArrowLeft' });
    expect(dispatchClipboard(cell(0, 4), 'copy').getData('text/plain')).to.equal('≥45批次');

    await sendKeys({ press: 'F2' });
    await grid.updateComplete;
    const editor = grid.shadowRoot?.querySelector<HTMLTextAreaElement>('.editor');
    expect(editor?.value).to.equal('≥45批次');
    expect(cell(0, 4).querySelector('[data-testid="previous-value"]')).to.equal(null);
    await sendKeys({ press: 'Escape' });
    await grid.updateComplete;
    expect(cell(0, 4).querySelector('[data-testid="previous-value"]')).not.to.equal(null);
  });
});
