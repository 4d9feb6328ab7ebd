import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import { toBudgetYDoc } from '../../../shared/model/index.ts';
import { CommentComposer } from '../../../client/review/comment-composer.ts';
import type { ReviewApi } from '../../../client/api/review-api.ts';
import { makeSmallBudgetText } from '../../fixtures/small-budget-text.ts';
import { newServerDoc } from '../helpers/jixiao-doc.ts';
import { focusedTestId, mount, pressChord, shadowQuery, waitFor } from '../helpers/mount.ts';

const PLACE = { kind: 'cell', project: 'p-reception', indicator: 'r-qty', field: 'value' } as const;

async function mountComposer(api: ReviewApi) {
  const composer = new CommentComposer();
  composer.api = api;
  composer.doc = toBudgetYDoc(makeSmallBudgetText());
  composer.people = [{ sub: 'bob', name: '李四' }, { sub: 'carol', name: '王五' }];
  composer.anchor = document.body;
  const events: string[] = [];
  composer.addEventListener('popup-close', () => events.push('close'));
  composer.addEventListener('thread-created', (e) => events.push(`created ${e.id}`));
  // Mounted closed and then pointed at a place, as the review layer opens it.
  await mount(composer);
  composer.place = PLACE;
  await composer.updateComplete;
  const input = () => shadowQuery<HTMLTextAreaElement>(shadowQuery(composer, 'mention-input'), 'textarea');
  return { composer, events, input };
}

describe('<comment-composer>', () => {
  it('opens as a dialog naming the place, with the text box focused', async () => {
    const { api } = await newServerDoc();
    const { composer, input } = await mountComposer(api);
    expect(composer.getAttribute('role')).to.equal('dialog');
    expect(composer.matches(':popover-open')).to.equal(true);
    expect(shadowQuery(composer, '.place').textContent).to.contain('接待批次');
    expect(focusedTestId()).to.equal(input().dataset['testid']);
  });

  it('Ctrl+Enter creates the thread on the server and closes', async () => {
    const { api } = await newServerDoc();
    const { events } = await mountComposer(api);
    await sendKeys({ type: 'please check' });
    await pressChord('Control', 'Enter');
    await waitFor(() => events.includes('close'));
    const threads = await api.threads();
    expect(threads.map((t) => t.comments[0]?.text)).to.deep.equal(['please check']);
    expect(events).to.deep.equal([`created ${threads[0]?.id}`, 'close']);
  });

  it('offers colleagues after @ and inserts the one picked', async () => {
    const { api } = await newServerDoc();
    const { composer, input } = await mountComposer(api);
    await sendKeys({ type: '@' });
    const mention = shadowQuery(composer, 'mention-input');
    await waitFor(() => mention.shadowRoot?.querySelectorAll('[role="option"]').length === 2);
    expect(input().getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => input().value.includes('@王五'));
    expect(input().getAttribute('aria-expanded')).to.equal('false');
  });

  it('shows the server’s refusal (a viewer may not comment) and keeps the text', async () => {
    const { api } = await newServerDoc({ sub: 'vera', role: 'viewer', name: '赵六' });
    const { composer, events, input } = await mountComposer(api);
    await sendKeys({ type: 'not allowed' });
    shadowQuery(composer, '[data-testid="new-comment-send"]').click();
    const alert = await waitFor(() => composer.shadowRoot?.querySelector('[role="alert"]') ?? undefined);
    expect(alert.textContent?.trim()).to.not.equal('');
    expect(input().value).to.equal('not allowed');
    expect(events).to.deep.equal([]);
    expect(await api.threads()).to.deep.equal([]);
  });

  it('Esc closes without sending', async () => {
    const { api } = await newServerDoc();
    const { events } = await mountComposer(api);
    await sendKeys({ type: 'draft' });
    await sendKeys({ press: 'Escape' });
    expect(events).to.deep.equal(['close']);
    expect(await api.threads()).to.deep.equal([]);
  });
});
