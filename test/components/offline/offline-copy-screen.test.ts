import { expect } from 'chai';
import * as Y from 'yjs';
import { OfflineCopy } from '../../../client/offline/offline-copy.ts';
import { deleteLocalDoc } from '../../../client/offline/local-doc-store.ts';
import { toBudgetYDoc } from '../../../shared/model/index.ts';
import { makeLargeBudgetText } from '../../fixtures/make-large-budget-text.ts';
import { freshName } from './copy-kit.ts';

/** Whether copy `name` holds a stored first screen. */
function hasScreen(name: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const get = req.result.transaction('meta').objectStore('meta').get('screen');
      get.onsuccess = () => (req.result.close(), resolve(get.result?.update instanceof Uint8Array));
    };
  });
}

describe('OfflineCopy: the first screen of a first visit', () => {
  it('stores it at the first idle moment after the sync, not only after the throttle of later ones', async () => {
    const name = freshName('copy-screen');
    const doc = new Y.Doc();
    const copy = new OfflineCopy({ doc, name, isRemote: (origin) => origin === 'server', known: false });
    // A first visit: recording starts before the database exists, the server's state arrives.
    copy.record();
    const loading = copy.load();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(toBudgetYDoc(makeLargeBudgetText(10, 30))), 'server');
    await loading;
    // Later screens wait 2 s between saves; the first of a copy that has none waits only for idle.
    let stored = false;
    for (let i = 0; i < 30 && !stored; i++) {
      await new Promise((r) => setTimeout(r, 50));
      stored = await hasScreen(name);
    }
    expect(stored).to.equal(true);
    copy.destroy();
    await deleteLocalDoc(name);
  });
});
