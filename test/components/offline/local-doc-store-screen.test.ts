import { expect } from 'chai';
import * as Y from 'yjs';
import { deleteLocalDoc } from '../../../client/offline/local-doc-store.ts';
import { freshName, read, storeOf } from './copy-kit.ts';

const SCREEN = new Uint8Array([1, 2, 3]);

/** A fresh page's load of copy `name`: the first screen it was shown before the log applied, and the text it then holds. */
async function visit(name: string): Promise<{ shown: Uint8Array | null; textWhenShown: string | null; text: string; fresh: boolean }> {
  const doc = new Y.Doc();
  const store = storeOf(doc, name);
  let shown: Uint8Array | null = null;
  let textWhenShown: string | null = null;
  await store.load(async (screen) => {
    shown = screen;
    textWhenShown = doc.getText('t').toString();
  });
  const fresh = store.hadFreshScreen;
  store.destroy();
  return { shown, textWhenShown, text: doc.getText('t').toString(), fresh };
}

/** Waits until a fresh page reads `text` from copy `name`. */
async function written(name: string, text: string): Promise<void> {
  for (let i = 0; i < 50 && (await read(name)) !== text; i++) await new Promise((r) => setTimeout(r, 20));
}

describe('LocalDocStore: the stored first screen', () => {
  it('shows the first screen before the log applies while no update was stored after it, and never once one was', async () => {
    const name = freshName('screen');
    const doc = new Y.Doc();
    const store = storeOf(doc, name);
    await store.load();
    doc.getText('t').insert(0, '接待批次');
    await written(name, '接待批次');
    await store.putScreen(SCREEN);

    const first = await visit(name);
    expect(first.shown).to.deep.equal(SCREEN);
    // Shown before the copy decoded; the copy applied after.
    expect(first.textWhenShown).to.equal('');
    expect(first.text).to.equal('接待批次');
    expect(first.fresh).to.equal(true);

    // An edit stored after the screen: the screen is stale and the next visit shows none.
    doc.getText('t').insert(4, '≥45');
    await written(name, '接待批次≥45');
    const second = await visit(name);
    expect(second.shown).to.equal(null);
    expect(second.text).to.equal('接待批次≥45');
    expect(second.fresh).to.equal(false);
    store.destroy();
    await deleteLocalDoc(name);
  });

  it('counts what was written before the screen was stored as in it, and what was written after as newer', async () => {
    const name = freshName('screen');
    const doc = new Y.Doc();
    const store = storeOf(doc, name);
    await store.load();
    // The update's write is still under way when the screen is stored: the screen was made after
    // the edit, so it includes it and is shown.
    doc.getText('t').insert(0, '接待');
    await store.putScreen(SCREEN);
    await written(name, '接待');
    expect((await visit(name)).shown).to.deep.equal(SCREEN);
    // An edit made while the screen is being stored is not in it: the screen is stale.
    const storing = store.putScreen(SCREEN);
    doc.getText('t').insert(2, '批次');
    await storing;
    await written(name, '接待批次');
    const after = await visit(name);
    expect(after.shown).to.equal(null);
    expect(after.text).to.equal('接待批次');
    store.destroy();
    await deleteLocalDoc(name);
  });

  it('stores a screen asked for on a first visit once the new database is open, after what was recorded meanwhile', async () => {
    const name = freshName('screen');
    const doc = new Y.Doc();
    const store = storeOf(doc, name);
    // A first visit records before the database exists; the screen is asked for while it is created.
    store.record();
    doc.getText('t').insert(0, '接待批次');
    const loading = store.load();
    const storing = store.putScreen(SCREEN);
    await loading;
    await storing;
    const next = await visit(name);
    expect(next.shown).to.deep.equal(SCREEN);
    expect(next.text).to.equal('接待批次');
    store.destroy();
    await deleteLocalDoc(name);
  });
});
