import { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { indicatorsOf, projectsMap, setIndicatorField } from '../../shared/model/index.ts';

/*
 * A client process of the many-documents bench (many-docs-clients.ts forks several): it holds two
 * editors per document of its share, each a real HocuspocusProvider on its own socket, and on
 * request edits 指标值 of a real indicator row of a random document at a steady pace, timing
 * edit → seen by the other editor and edit → acknowledged.
 */

/** One document of this process's share. */
export interface ManyDocsShare {
  url: string;
  name: string;
  /** Tokens of editor 0 and editor 1 (null: none, bare Hocuspocus). */
  tokens: [string | null, string | null];
  /** Base64 Yjs update editor 0 brings to an empty server; null when the server holds the text. */
  seed: string | null;
}

/** Parent → client. */
export type ManyDocsCommand = { type: 'open'; docs: ManyDocsShare[] } | { type: 'edit'; edits: number; intervalMs: number; tag: string };
/** Client → parent. */
export type ManyDocsReply = { type: 'opened' } | { type: 'edited'; seen: number[]; acked: number[] } | { type: 'failed'; message: string };

interface Editor {
  provider: HocuspocusProvider;
  synced: Promise<void>;
}
interface OpenDoc {
  editors: [Editor, Editor];
  cells: Array<[string, string]>;
}

const OPEN_AT_ONCE = 25;
const docs: OpenDoc[] = [];

function connect(share: ManyDocsShare, index: 0 | 1): Editor {
  const document = new Y.Doc();
  if (index === 0 && share.seed) Y.applyUpdate(document, Buffer.from(share.seed, 'base64'));
  let provider: HocuspocusProvider | undefined;
  const synced = new Promise<void>((resolve, reject) => {
    provider = new HocuspocusProvider({ url: share.url, name: share.name, document, token: share.tokens[index], onSynced: () => resolve(), onAuthenticationFailed: ({ reason }) => reject(new Error(reason)) });
  });
  return { provider: provider as HocuspocusProvider, synced };
}

async function open(shares: ManyDocsShare[]): Promise<void> {
  for (let i = 0; i < shares.length; i += OPEN_AT_ONCE) {
    await Promise.all(
      shares.slice(i, i + OPEN_AT_ONCE).map(async (share) => {
        // Editor 0 first, so on an empty server it brings the text and editor 1 receives it.
        const first = connect(share, 0);
        await first.synced;
        const second = connect(share, 1);
        await second.synced;
        const cells: Array<[string, string]> = [];
        projectsMap(first.provider.document).forEach((project, projectId) => indicatorsOf(project).forEach((_row, rowId) => cells.push([projectId, rowId])));
        // Each editor types once while opening, as someone who opens a document to edit does: a
        // session's first edit also binds its client id (jixiao: a read and a synced write, once
        // per session), so the measured edits are the steady state, the same on every server.
        for (const editor of [first, second]) await typeOnce(editor.provider, cells[0] as [string, string]);
        docs.push({ editors: [first, second], cells });
      }),
    );
  }
}

/** Writes 指标值 of one cell and resolves once the server acknowledged it. */
function typeOnce(provider: HocuspocusProvider, [projectId, rowId]: [string, string]): Promise<void> {
  return new Promise((resolve) => {
    const onAck = ({ number }: { number: number }) => {
      if (number !== 0) return;
      provider.off('unsyncedChanges', onAck);
      resolve();
    };
    provider.on('unsyncedChanges', onAck);
    setIndicatorField(provider.document, projectId, rowId, 'value', `≥${provider.document.clientID}%`);
  });
}

function edit(doc: OpenDoc, value: string): Promise<[number, number]> {
  const from = Math.random() < 0.5 ? 0 : 1;
  const [sender, receiver] = [doc.editors[from].provider, doc.editors[1 - from]?.provider as HocuspocusProvider];
  const [projectId, rowId] = doc.cells[Math.floor(Math.random() * doc.cells.length)] as [string, string];
  const sent = performance.now();
  let seenAt = 0;
  let ackedAt = 0;
  return new Promise((resolve) => {
    const done = () => {
      if (!seenAt || !ackedAt) return;
      receiver.document.off('update', onUpdate);
      sender.off('unsyncedChanges', onAck);
      resolve([seenAt - sent, ackedAt - sent]);
    };
    const onUpdate = () => {
      const project = projectsMap(receiver.document).get(projectId);
      if (!project || indicatorsOf(project).get(rowId)?.get('value') !== value) return;
      seenAt = performance.now();
      done();
    };
    const onAck = ({ number }: { number: number }) => {
      if (number !== 0) return;
      ackedAt = performance.now();
      done();
    };
    receiver.document.on('update', onUpdate);
    sender.on('unsyncedChanges', onAck);
    setIndicatorField(sender.document, projectId, rowId, 'value', value);
  });
}

async function run(edits: number, intervalMs: number, tag: string): Promise<ManyDocsReply> {
  const busy = new Set<OpenDoc>();
  const pending: Array<Promise<[number, number]>> = [];
  const start = performance.now();
  for (let i = 0; i < edits; i++) {
    // A steady schedule (not sleep-after-send), so a slow answer never slows the offered load.
    const wait = start + i * intervalMs - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    let doc = docs[Math.floor(Math.random() * docs.length)] as OpenDoc;
    // Two edits in flight on one document would race on the receiver; pick another.
    for (let tries = 0; busy.has(doc) && tries < 20; tries++) doc = docs[Math.floor(Math.random() * docs.length)] as OpenDoc;
    busy.add(doc);
    const p = edit(doc, `≥${tag}${i}%`);
    void p.then(() => busy.delete(doc));
    pending.push(p);
  }
  const results = await Promise.all(pending);
  return { type: 'edited', seen: results.map((r) => r[0]), acked: results.map((r) => r[1]) };
}

process.on('message', (command: ManyDocsCommand) => {
  const reply = (r: ManyDocsReply) => process.send?.(r);
  const fail = (e: unknown) => reply({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
  if (command.type === 'open') open(command.docs).then(() => reply({ type: 'opened' }), fail);
  else run(command.edits, command.intervalMs, command.tag).then(reply, fail);
});
process.on('disconnect', () => {
  for (const d of docs) for (const e of d.editors) e.provider.destroy();
  process.exit(0);
});
