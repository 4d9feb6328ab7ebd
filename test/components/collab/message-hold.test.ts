import { expect } from 'chai';
import { MessageHold } from '../../../client/collab/message-hold.ts';

/** A socket of `hold`'s class (nobody listens at that port: events are dispatched by the test) and what its listeners heard. */
function heldSocket(hold: MessageHold) {
  const Socket = hold.webSocketClass();
  const socket = new Socket('ws://127.0.0.1:9');
  const heard: string[] = [];
  const onMessage = (e: Event) => heard.push(`message ${(e as MessageEvent).data as string}`);
  socket.addEventListener('message', onMessage);
  socket.addEventListener('close', () => heard.push('close'));
  socket.addEventListener('open', () => heard.push('open'));
  const message = (data: string) => socket.dispatchEvent(new MessageEvent('message', { data }));
  return { socket, heard, message, onMessage };
}

describe('MessageHold', () => {
  it('keeps messages and the close back while held, then delivers them in order', () => {
    const hold = new MessageHold();
    const { socket, heard, message } = heldSocket(hold);
    message('a');
    hold.hold(10_000);
    message('b');
    socket.dispatchEvent(new Event('close'));
    message('c');
    // Not held: other events.
    socket.dispatchEvent(new Event('open'));
    expect(heard).to.deep.equal(['message a', 'open']);
    hold.release();
    expect(heard).to.deep.equal(['message a', 'open', 'message b', 'close', 'message c']);
    message('d');
    expect(heard.at(-1)).to.equal('message d');
    socket.close();
  });

  it('releases by itself after the longest hold, and a removed listener hears nothing more', async () => {
    const hold = new MessageHold();
    const { socket, heard, message, onMessage } = heldSocket(hold);
    // (The socket's own failed connection closes it meanwhile: only the messages matter here.)
    const messages = () => heard.filter((h) => h.startsWith('message'));
    hold.hold(50);
    message('a');
    expect(messages()).to.deep.equal([]);
    await new Promise((r) => setTimeout(r, 120));
    expect(messages()).to.deep.equal(['message a']);
    socket.removeEventListener('message', onMessage);
    message('b');
    expect(messages()).to.deep.equal(['message a']);
    socket.close();
  });
});
