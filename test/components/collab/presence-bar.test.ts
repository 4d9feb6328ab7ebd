import { expect } from 'chai';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness.js';
import * as Y from 'yjs';
import { toPeer, type Peer } from '../../../client/collab/peer.ts';
import { PresenceBar } from '../../../client/collab/presence-bar.ts';
import { mount, shadowQuery } from '../helpers/mount.ts';

/**
 * Tabs of one document, each with a real Y.Doc and awareness; `sync` delivers every tab's
 * awareness to the first one, as the server relays it, and returns the peers that tab sees.
 */
function tabs(count: number) {
  const list = Array.from({ length: count }, () => new Awareness(new Y.Doc()));
  const sync = (): Peer[] => {
    const [me, ...others] = list;
    for (const other of others) applyAwarenessUpdate(me!, encodeAwarenessUpdate(other, [other.clientID]), 'server');
    const peers: Peer[] = [];
    me!.getStates().forEach((state, clientId) => {
      const peer = toPeer(clientId, state);
      if (peer) peers.push(peer);
    });
    return peers.sort((a, b) => a.clientId - b.clientId);
  };
  return { list, sync };
}

const user = (sub: string, name: string, role: string, color: string) => ({ sub, name, role, color });

describe('<presence-bar>', () => {
  it('lists everyone once, the user first and marked as me, with their roles', async () => {
    const { list, sync } = tabs(4);
    list[0]!.setLocalStateField('user', user('alice', '张三', 'owner', '#b4232a'));
    list[1]!.setLocalStateField('user', user('bob', '李四', 'editor', '#1f5fbf'));
    list[2]!.setLocalStateField('user', user('bob', '李四', 'editor', '#1f5fbf'));
    list[3]!.setLocalStateField('user', user('dave', '赵六', 'reviewer', '#1f7a3f'));
    const bar = new PresenceBar();
    bar.peers = sync();
    bar.selfClientId = list[0]!.clientID;
    await mount(bar);
    const entries = [...(bar.shadowRoot?.querySelectorAll('li') ?? [])].map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    expect(entries[0]).to.contain('张三（我）');
    expect(entries.length).to.equal(3);
    expect(entries.join('|')).to.contain('李四').and.contain('赵六');
    expect(shadowQuery(bar, 'ul').getAttribute('aria-label')).to.equal('正在编辑此文档的人');
  });

  it('a colleague’s name becomes a button to where they work once they have a cursor', async () => {
    const { list, sync } = tabs(2);
    list[0]!.setLocalStateField('user', user('alice', '张三', 'owner', '#b4232a'));
    list[1]!.setLocalStateField('user', user('bob', '李四', 'editor', '#1f5fbf'));
    const bar = new PresenceBar();
    bar.peers = sync();
    bar.selfClientId = list[0]!.clientID;
    await mount(bar);
    const button = () => shadowQuery<HTMLButtonElement>(bar, '[data-testid="presence-bob"] button');
    expect(button().disabled).to.equal(true);
    list[1]!.setLocalStateField('cursor', { project: 'p-reception', indicator: 'r-qty', field: 'value' });
    bar.peers = sync();
    await bar.updateComplete;
    expect(button().disabled).to.equal(false);
    expect(button().title).to.contain('李四');
    const jumps: unknown[] = [];
    bar.addEventListener('peer-jump', (e) => jumps.push(e.peer.cursor));
    button().click();
    expect(jumps).to.deep.equal([{ project: 'p-reception', indicator: 'r-qty', field: 'value' }]);
  });
});
