import * as encoding from 'lib0/encoding';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { toBudgetYDoc } from '../../shared/model/index.ts';
import { makeSmallBudgetText } from '../fixtures/small-budget-text.ts';
import type { seededRandom } from '../helpers/seeded-random.ts';

type Random = ReturnType<typeof seededRandom>;

/** Kinds of frame the fuzzer sends, each a different way to be wrong. */
export const FRAME_KINDS = ['random-type', 'truncated-update', 'bomb-update', 'mutated-update', 'random-awareness', 'raw-bytes', 'valid-update'] as const;
/** One of {@link FRAME_KINDS}. */
export type FrameKind = (typeof FRAME_KINDS)[number];

/**
 * Makes hostile frames for one document: valid-shaped Hocuspocus messages with random payloads,
 * truncated, bomb-shaped and mutated Yjs updates, random awareness, plain random bytes, and a
 * few valid updates so the deeper paths run too.
 */
export class FrameMaker {
  private readonly random: Random;
  private readonly docName: string;
  private readonly real: Uint8Array[];

  constructor(random: Random, docName: string) {
    this.random = random;
    this.docName = docName;
    this.real = realUpdates(random);
  }

  /** One frame of `kind`. */
  make(kind: FrameKind): Uint8Array {
    const r = this.random;
    switch (kind) {
      case 'random-type':
        return this.frame(r.int(12), (e) => encoding.writeUint8Array(e, this.bytes(r.int(64))));
      case 'truncated-update': {
        const u = r.pick(this.real);
        return this.update(u.slice(0, r.int(u.length)));
      }
      case 'bomb-update':
        return this.update(bomb(r));
      case 'mutated-update': {
        const u = r.pick(this.real).slice();
        for (let i = 0, n = 1 + r.int(4); i < n; i++) u[r.int(u.length)] = r.int(256);
        return this.update(u);
      }
      case 'random-awareness':
        return this.frame(1, (e) => encoding.writeVarUint8Array(e, randomAwareness(r)));
      case 'raw-bytes':
        return this.bytes(1 + r.int(200));
      case 'valid-update':
        return this.update(validUpdate(r));
    }
  }

  private update(u: Uint8Array): Uint8Array {
    return this.frame(0, (e) => {
      encoding.writeVarUint(e, this.random.next() < 0.8 ? 2 : this.random.int(4));
      encoding.writeVarUint8Array(e, u);
    });
  }

  private frame(type: number, body: (e: encoding.Encoder) => void): Uint8Array {
    const e = encoding.createEncoder();
    encoding.writeVarString(e, this.random.next() < 0.95 ? this.docName : String.fromCharCode(this.random.int(0xffff)).repeat(this.random.int(40)));
    encoding.writeVarUint(e, type);
    body(e);
    return encoding.toUint8Array(e);
  }

  private bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = this.random.int(256);
    return out;
  }
}

function realUpdates(random: Random): Uint8Array[] {
  const doc = toBudgetYDoc(makeSmallBudgetText());
  const out = [Y.encodeStateAsUpdate(doc)];
  doc.on('update', (u: Uint8Array) => out.push(u));
  for (let i = 0; i < 20; i++) doc.getText('safeguards').insert(random.int(doc.getText('safeguards').length + 1), `片段${i}`);
  doc.destroy();
  return out;
}

/** A few bytes that declare millions of structs or huge lengths. */
function bomb(r: Random): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1 + r.int(3));
  encoding.writeVarUint(e, 2 ** 25 - 1 - r.int(1000));
  encoding.writeVarUint(e, r.int(2 ** 31));
  encoding.writeVarUint(e, r.int(4));
  return encoding.toUint8Array(e);
}

function randomAwareness(r: Random): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = r.int(2 ** 31);
  const awareness = new Awareness(doc);
  awareness.setLocalState(r.next() < 0.2 ? null : { user: { name: 'x'.repeat(r.int(6000)) }, cursor: { at: r.int(1e6) }, junk: r.next() });
  const update = encodeAwarenessUpdate(awareness, [doc.clientID]);
  awareness.destroy();
  doc.destroy();
  return update;
}

function validUpdate(r: Random): Uint8Array {
  const doc = new Y.Doc();
  doc.getText(`junk${r.int(3)}`).insert(0, 'z'.repeat(1 + r.int(20)));
  const u = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return u;
}
