import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import { html, render } from 'lit';
import { toBudgetYDoc } from '../../../shared/model/index.ts';
import { ReviewLayer } from '../../../client/review/review-layer.ts';
import type { ReviewApi } from '../../../client/api/review-api.ts';
import type { ReviewModel } from '../../../client/review/review-model.ts';
import { makeSmallBudgetText } from '../../fixtures/small-budget-text.ts';
import { newServerDoc } from '../helpers/jixiao-doc.ts';
import { focusedTestId, mount, shadowQuery, waitFor } from '../helpers/mount.ts';

const PLACE = { kind: 'cell', project: 'p-reception', indicator: 'r-qty', field: 'value' } as const;

/**
 * A review layer around two focusable things (the cell the comment is about, and another field),
 * whose comment box has just opened on the cell. Its API is the real server's, except that a new
 * comment is answered only when the test calls `answer()`: a slow network.
 */
async function openComposer() {
  const { api } = await newServerDoc();
  let answer = () => {};
  const answered = new Promise<void>((resolve) => (answer = resolve));
  const slowApi = Object.create(api) as ReviewApi;
  slowApi.createThread = async (...args: Parameters<ReviewApi['createThread']>) => {
    await answered;
    return api.createThread(...args);
  };
  const layer = new ReviewLayer();
  layer.model = { api: slowApi, refresh: async () => {} } as unknown as ReviewModel;
  layer.doc = toBudgetYDoc(makeSmallBudgetText());
  render(html`<button data-testid="cell">≥45批次</button><input data-testid="other-field" />`, layer);
  await mount(layer);
  const cell = layer.querySelector<HTMLElement>('[data-testid="cell"]')!;
  cell.focus();
  layer.popup = { kind: 'comment', place: PLACE, anchor: cell };
  const composer = await waitFor(() => layer.shadowRoot?.querySelector('comment-composer')?.matches(':popover-open') && shadowQuery(layer, 'comment-composer'));
  const box = shadowQuery<HTMLTextAreaElement>(shadowQuery(composer, 'mention-input'), 'textarea');
  await waitFor(() => focusedTestId() === (box.dataset['testid'] ?? 'textarea'));
  await sendKeys({ type: '批次偏少' });
  shadowQuery(composer, '[data-testid="new-comment-send"]').click();
  const closed = () => waitFor(() => !composer.matches(':popover-open'));
  return { api, layer, answer, closed };
}

describe('<review-layer>', () => {
  it('gives focus back to the cell when the comment box closes with focus in it', async () => {
    const { api, answer, closed } = await openComposer();
    answer();
    await closed();
    expect(focusedTestId()).to.equal('cell');
    expect((await api.threads()).map((t) => t.comments[0]?.text)).to.deep.equal(['批次偏少']);
  });

  it('leaves focus where the person moved it while the comment was on its way (no keystrokes lost to the cell)', async () => {
    const { api, layer, answer, closed } = await openComposer();
    const other = layer.querySelector<HTMLInputElement>('[data-testid="other-field"]')!;
    other.focus();
    await sendKeys({ type: '48' });
    answer();
    await closed();
    expect(focusedTestId()).to.equal('other-field');
    await sendKeys({ type: '批' });
    expect(other.value).to.equal('48批');
    expect((await api.threads()).length).to.equal(1);
  });
});
