import { expect } from 'chai';
import { toBudgetYDoc } from '../../../shared/model/index.ts';
import { IndicatorGrid } from '../../../client/grid/indicator-grid.ts';
import { makeLargeBudgetText } from '../../fixtures/make-large-budget-text.ts';
import { focusedTestId, mount, waitFor } from '../helpers/mount.ts';

/** A grid of a 30-row table: more rows than a grid renders before its first paint. */
async function mountLongGrid(): Promise<IndicatorGrid> {
  const grid = new IndicatorGrid();
  grid.doc = toBudgetYDoc(makeLargeBudgetText(1, 30));
  grid.origin = { tab: 'test' };
  grid.projectId = 'p1';
  grid.projectName = '示范项目1';
  return mount(grid);
}

const renderedRows = (grid: IndicatorGrid) => grid.shadowRoot?.querySelectorAll('[role="row"][data-testid^="row-"]').length ?? 0;

describe('<indicator-grid> on a long table', () => {
  it('renders every row shortly after opening, without being scrolled or asked', async () => {
    const grid = await mountLongGrid();
    expect(grid.shadowRoot?.querySelector('[role="grid"]')?.getAttribute('aria-rowcount')).to.equal('31');
    await waitFor(() => renderedRows(grid) === 30);
    expect(grid.shadowRoot?.querySelector('[data-testid="cell-p1-p1r29-basis"]')?.getAttribute('aria-rowindex')).to.equal('31');
  });

  it('reaches the last row at once, before the rest is rendered by itself', async () => {
    const grid = await mountLongGrid();
    expect(await grid.focusCell('p1r29', 'value')).to.equal(true);
    expect(focusedTestId()).to.equal('cell-p1-p1r29-value');
    expect(renderedRows(grid)).to.equal(30);
  });
});
