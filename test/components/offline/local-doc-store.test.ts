import { expect } from 'chai';
import * as Y from 'yjs';
import { deleteLocalDoc, prefetchLocalDoc } from '../../../client/offline/local-doc-store.ts';
import { freshName, read, storeOf } from './copy-kit.ts';


/** Keeps `text` in a new copy `name`, as a first visit leaves it. */
async function keep(name: string, text: string): Promise<void> {
  const doc = new Y.Doc();
  const store = storeOf(doc, name);
  await store.load();
  doc.getText('t').insert(0, text);
  store.destroy();
  // The write was queued in the update listener: wait until a fresh read sees it.
  for (let i = 0; i < 50 && (await read(name)) !== text; i++) await new Promise((r) => setTimeout(r, 20));
}

describe('LocalDocStore: the copy read ahead of the page (prefetchLocalDoc)', () => {
  it('loads the copy read ahead into the document, and later loads read afresh', async () => {
    const name = freshName('prefetch');
    await keep(name, '接待批次');
    prefetchLocalDoc(name);
    const doc = new Y.Doc();
    const store = storeOf(doc, name);
    const loaded = await store.load();
    expect(loaded.had).to.equal(true);
    expect(doc.getText('t').toString()).to.equal('接待批次');
    // Edited after the read ahead was taken: the next page's load must see it, not a stale read.
    doc.getText('t').insert(4, '≥45');
    store.destroy();
    await new Promise((r) => setTimeout(r, 100));
    expect(await read(name)).to.equal('接待批次≥45');
    await deleteLocalDoc(name);
  });

  it('does not announce the loaded copy to the document\'s update listeners, which still hear every later edit', async () => {
    const name = freshName('prefetch');
    await keep(name, '接待批次');
    const doc = new Y.Doc();
    // As the provider listens from its creation, before the copy loads: it would send the whole copy.
    const heard: number[] = [];
    doc.on('update', (update: Uint8Array) => heard.push(update.length));
    const store = storeOf(doc, name);
    await store.load();
    expect(doc.getText('t').toString()).to.equal('接待批次');
    expect(heard).to.deep.equal([]);
    doc.getText('t').insert(0, '≥');
    expect(heard).to.have.length(1);
    store.destroy();
    await deleteLocalDoc(name);
  });

  it('never holds up deleting a copy (sign-out) that was read ahead and not taken', async () => {
    const name = freshName('prefetch');
    await keep(name, '接待经费');
    prefetchLocalDoc(name);
    // Opened by the read ahead: deleting waits for every open connection to close.
    await new Promise((r) => setTimeout(r, 100));
    const deleted = await Promise.race([deleteLocalDoc(name).then(() => 'deleted'), new Promise((r) => setTimeout(() => r('blocked'), 3000))]);
    expect(deleted).to.equal('deleted');
    expect((await indexedDB.databases()).map((d) => d.name)).not.to.include(name);
  });
});
