import { expect } from 'chai';
import * as Y from 'yjs';
import { deleteLocalDoc } from '../../../client/offline/local-doc-store.ts';
import { freshName, read, storeOf } from './copy-kit.ts';


/** The raw log of copy `name`: each record's text contribution is not readable, so its flag and size. */
async function storedLog(name: string): Promise<Array<{ remote: boolean }>> {
  const db = await new Promise<IDBDatabase>((ok, fail) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error);
  });
  const req = db.transaction('updates').objectStore('updates').getAll();
  const records = await new Promise<Array<{ remote: boolean }>>((ok, fail) => {
    req.onsuccess = () => ok(req.result as Array<{ remote: boolean }>);
    req.onerror = () => fail(req.error);
  });
  db.close();
  return records;
}

/** An update from "the server": a colleague's text, as the first sync brings it. */
function serverUpdate(text: string): Uint8Array {
  const colleague = new Y.Doc();
  colleague.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(colleague);
}

describe('LocalDocStore: recording before the database is open (a first visit connects at once)', () => {
  it('stores what the server sent and what the person typed before the database was open, each told apart', async () => {
    const name = freshName('record');
    const doc = new Y.Doc();
    const store = storeOf(doc, name);
    store.record();
    Y.applyUpdate(doc, serverUpdate('接待批次'), 'server');
    doc.getText('t').insert(4, '≥45');
    const loaded = await store.load();
    expect(loaded.had).to.equal(false);
    // Typed after the database opened: stored as before.
    doc.getText('t').insert(7, '批');
    store.destroy();
    await new Promise((r) => setTimeout(r, 100));
    expect(await read(name)).to.equal('接待批次≥45批');
    expect((await storedLog(name)).map((r) => r.remote)).to.deep.equal([true, false, false]);
    await deleteLocalDoc(name);
  });

  it('loads a copy found though never noted into the document, beside what arrived meanwhile, and stores both', async () => {
    const name = freshName('record');
    const earlier = new Y.Doc();
    const first = storeOf(earlier, name);
    await first.load();
    earlier.getText('t').insert(0, '离线');
    first.destroy();
    await new Promise((r) => setTimeout(r, 100));

    const doc = new Y.Doc();
    const store = storeOf(doc, name);
    store.record();
    Y.applyUpdate(doc, serverUpdate('服务器'), 'server');
    const loaded = await store.load();
    expect(loaded.had).to.equal(true);
    expect(loaded.local).to.equal(true);
    const text = doc.getText('t').toString();
    expect(text).to.have.length(5);
    expect(text).to.contain('离线').and.to.contain('服务器');
    store.destroy();
    await new Promise((r) => setTimeout(r, 100));
    expect(await read(name)).to.equal(text);
    await deleteLocalDoc(name);
  });

  it('keeps nothing once destroyed before the database opened (sign-out elsewhere), and leaves deletion unblocked', async () => {
    const name = freshName('record');
    const doc = new Y.Doc();
    const store = storeOf(doc, name);
    store.record();
    const loading = store.load();
    doc.getText('t').insert(0, '接待');
    store.destroy();
    expect((await loading).had).to.equal(false);
    doc.getText('t').insert(2, '经费');
    const deleted = await Promise.race([deleteLocalDoc(name).then(() => 'deleted'), new Promise((r) => setTimeout(() => r('blocked'), 3000))]);
    expect(deleted).to.equal('deleted');
  });
});
