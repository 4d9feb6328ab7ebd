import { expect } from 'chai';
import { LitElement, html } from 'lit';
import { FarController } from '../../../client/document/far-controller.ts';
import { mount, waitFor } from '../helpers/mount.ts';

/** Twenty 800 px tall boxes, watched like budget-document watches its projects. */
class FarHost extends LitElement {
  constructor() {
    super();
    new FarController(this, 'section', '600px');
  }

  protected override render() {
    return html`${Array.from({ length: 20 }, (_, i) => html`<section data-i=${i} style="height: 800px">${i}</section>`)}`;
  }
}
customElements.define('far-host', FarHost);

describe('FarController', () => {
  it('marks only what is far from the viewport, and follows a scroll', async () => {
    const host = new FarHost();
    await mount(host);
    const far = () => [...host.renderRoot.querySelectorAll('section')].map((s) => s.hasAttribute('far'));
    // In view and within 600 px of it: the first two boxes; everything below is far.
    await waitFor(() => far()[19] === true);
    expect(far().slice(0, 2)).to.deep.equal([false, false]);
    expect(far().slice(3)).to.not.include(false);
    host.renderRoot.querySelector('section[data-i="15"]')!.scrollIntoView();
    await waitFor(() => far()[15] === false && far()[0] === true);
    expect(far()[14]).to.equal(false);
  });
});
