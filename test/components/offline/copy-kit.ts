import * as Y from 'yjs';
import { LocalDocStore } from '../../../client/offline/local-doc-store.ts';

let n = 0;
/** A database name no other test uses (`kind` tells the test files apart). */
export const freshName = (kind: string): string => `jixiao.test:${kind}:${Date.now()}-${n++}`;

/** A store of `doc` in database `name`, as the page keeps one (the server's updates tell by origin). */
export const storeOf = (doc: Y.Doc, name: string): LocalDocStore =>
  new LocalDocStore({ name, doc, isRemote: (origin) => origin === 'server', acknowledged: () => Y.encodeStateAsUpdate(doc) });

/** What a fresh page would load from copy `name`: the text `t`. */
export async function read(name: string): Promise<string> {
  const doc = new Y.Doc();
  const store = storeOf(doc, name);
  await store.load();
  store.destroy();
  return doc.getText('t').toString();
}
