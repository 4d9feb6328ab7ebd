import * as encoding from 'lib0/encoding';
import * as prng from 'lib0/prng';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { inspectUpdate, type UpdateShape } from '../../server/collab/inspect-update.ts';

/** What Yjs' own decoder makes of an update: the shape the socket guard needs, or null where it throws. */
function decodedByYjs(update: Uint8Array): UpdateShape | null {
  try {
    const { structs } = Y.decodeUpdate(update);
    const clients = new Set<number>();
    let insertedChars = 0;
    for (const struct of structs) {
      clients.add(struct.id.client);
      if (struct instanceof Y.Item && struct.content instanceof Y.ContentString) insertedChars += struct.content.str.length;
    }
    return { insertedChars, clients: [...clients] };
  } catch {
    return null;
  }
}

const TEXTS = ['a', '指标值', '😀x', '≥95%', '', 'x'.repeat(40), '\u00e9\u0301'];
const VALUES: unknown[] = ['≥95%', 3, -1.5, 2 ** 40, null, true, false, { a: [1, '二'] }, ['x', 2], new Uint8Array([1, 2, 3]), ''];

/** Edits of every kind of content Yjs encodes, by `clients` writers, as the updates they send. */
function randomUpdates(gen: prng.PRNG, clients: number, steps: number): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const docs = Array.from({ length: clients }, (_, i) => {
    const doc = new Y.Doc();
    doc.clientID = 1000 + i * 7919;
    doc.on('update', (u: Uint8Array) => updates.push(u));
    return doc;
  });
  for (let step = 0; step < steps; step++) {
    const doc = prng.oneOf(gen, docs);
    const map = doc.getMap('m');
    const text = doc.getText('t');
    const list = doc.getArray<unknown>('a');
    const xml = doc.getXmlFragment('x');
    switch (prng.uint32(gen, 0, 9)) {
      case 0:
        map.set(`k${prng.uint32(gen, 0, 5)}`, prng.oneOf(gen, VALUES));
        break;
      case 1:
        text.insert(prng.uint32(gen, 0, text.length), prng.oneOf(gen, TEXTS), prng.bool(gen) ? { bold: true } : undefined);
        break;
      case 2:
        if (text.length) text.delete(prng.uint32(gen, 0, text.length - 1), 1);
        break;
      case 3:
        text.insertEmbed(prng.uint32(gen, 0, text.length), { image: 'a.png' });
        break;
      case 4:
        list.insert(0, [prng.oneOf(gen, VALUES), prng.oneOf(gen, VALUES)]);
        break;
      case 5: {
        const row = new Y.Map<unknown>();
        row.set('value', prng.oneOf(gen, TEXTS));
        row.set('text', new Y.Text(prng.oneOf(gen, TEXTS)));
        map.set(`row${prng.uint32(gen, 0, 3)}`, row);
        break;
      }
      case 6: {
        const el = new Y.XmlElement('p');
        el.setAttribute('class', 'x');
        el.insert(0, [new Y.XmlText('文本')]);
        // A hook is stored as an XML node (the fragment's types do not list it).
        xml.insert(0, [el, new Y.XmlHook('hook') as unknown as Y.XmlElement]);
        break;
      }
      case 7:
        map.set('sub', new Y.Doc({ guid: `sub-${step}`, meta: { n: step } }));
        break;
      case 8:
        if (list.length) list.delete(0, Math.min(2, list.length));
        else map.delete('k1');
        break;
      default:
        // Another writer's state arrives: its next updates reference those structs as origins.
        Y.applyUpdate(doc, Y.encodeStateAsUpdate(prng.oneOf(gen, docs)));
    }
  }
  // Updates that merge several writers, as a reconnect's catch-up does.
  updates.push(Y.encodeStateAsUpdate(docs[0]!), Y.mergeUpdates(updates.slice(-10)));
  return updates;
}

/** `update` with damage a broken or hostile client could send. */
function damaged(gen: prng.PRNG, update: Uint8Array): Uint8Array {
  const copy = Uint8Array.from(update);
  switch (prng.uint32(gen, 0, 3)) {
    case 0:
      return copy.slice(0, prng.uint32(gen, 0, Math.max(0, copy.length - 1)));
    case 1:
      for (let n = prng.uint32(gen, 1, 3); n > 0; n--) copy[prng.uint32(gen, 0, copy.length - 1)] = prng.uint32(gen, 0, 255);
      return copy;
    case 2: {
      const at = prng.uint32(gen, 0, copy.length);
      return Uint8Array.from([...copy.slice(0, at), prng.uint32(gen, 0, 255), ...copy.slice(at)]);
    }
    default: {
      const at = prng.uint32(gen, 0, copy.length - 1);
      copy[at] = copy[at]! ^ (1 << prng.uint32(gen, 0, 7));
      return copy;
    }
  }
}

/** One struct of client 1 in root map `m`, key `k`, with info bits `info` and the content `write` encodes. */
function oneStruct(info: number, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1); // sections
  encoding.writeVarUint(e, 1); // structs
  encoding.writeVarUint(e, 1); // client
  encoding.writeVarUint(e, 0); // clock
  encoding.writeUint8(e, info | (1 << 5)); // with a key in its parent
  encoding.writeVarUint(e, 1); // parent: a root type by name
  encoding.writeVarString(e, 'm');
  encoding.writeVarString(e, 'k');
  write(e);
  encoding.writeVarUint(e, 0); // no deletions
  return encoding.toUint8Array(e);
}

describe('inspectUpdate reads updates as Yjs does', () => {
  it('gives the same clients and inserted characters as Yjs for valid updates of every content kind', () => {
    const gen = prng.create(15);
    let checked = 0;
    for (let run = 0; run < 20; run++) {
      for (const update of randomUpdates(gen, 3, 60)) {
        expect(inspectUpdate(update)).toEqual(decodedByYjs(update));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('refuses exactly the damaged updates Yjs cannot decode, and reads the rest alike', () => {
    const gen = prng.create(2026);
    const outcomes = { refused: 0, read: 0 };
    for (let run = 0; run < 20; run++) {
      for (const update of randomUpdates(gen, 2, 40)) {
        if (update.length < 3) continue;
        for (let k = 0; k < 5; k++) {
          const bad = damaged(gen, update);
          const expected = decodedByYjs(bad);
          expect(inspectUpdate(bad), `bytes ${Array.from(bad).join(',')}`).toEqual(expected);
          outcomes[expected ? 'read' : 'refused']++;
        }
      }
    }
    // Both outcomes are exercised, or the comparison above proves little.
    expect(outcomes.refused).toBeGreaterThan(500);
    expect(outcomes.read).toBeGreaterThan(500);
  });

  it('refuses what Yjs refuses inside a content: unparsable JSON, unknown kinds, a subdocument without options', () => {
    const cases = {
      json: oneStruct(2, (e) => (encoding.writeVarUint(e, 1), encoding.writeVarString(e, '{nope'))),
      jsonUndefined: oneStruct(2, (e) => (encoding.writeVarUint(e, 1), encoding.writeVarString(e, 'undefined'))),
      typeUnknown: oneStruct(7, (e) => encoding.writeVarUint(e, 7)),
      xmlElement: oneStruct(7, (e) => (encoding.writeVarUint(e, 3), encoding.writeVarString(e, 'p'))),
      contentTen: oneStruct(10 | (1 << 6), () => undefined),
      contentEleven: oneStruct(11, () => undefined),
      subdocNull: oneStruct(9, (e) => (encoding.writeVarString(e, 'guid'), encoding.writeAny(e, null))),
      subdocOptions: oneStruct(9, (e) => (encoding.writeVarString(e, 'guid'), encoding.writeAny(e, {}))),
      anyUnknownTag: oneStruct(8, (e) => (encoding.writeVarUint(e, 1), encoding.writeUint8(e, 50))),
      stringBadUtf8: oneStruct(4, (e) => encoding.writeVarUint8Array(e, new Uint8Array([0xff, 0xfe]))),
      string: oneStruct(4, (e) => encoding.writeVarString(e, '绩效😀')),
    };
    const shapes = Object.fromEntries(Object.entries(cases).map(([name, u]) => [name, inspectUpdate(u)]));
    expect(shapes).toEqual(Object.fromEntries(Object.entries(cases).map(([name, u]) => [name, decodedByYjs(u)])));
    // The comparison is meaningful: these are the outcomes Yjs gives.
    expect(shapes).toMatchObject({ json: null, typeUnknown: null, contentTen: null, contentEleven: null, subdocNull: null, anyUnknownTag: null, stringBadUtf8: null });
    expect(shapes).toMatchObject({ jsonUndefined: { clients: [1] }, xmlElement: { clients: [1] }, subdocOptions: { clients: [1] }, string: { insertedChars: 4, clients: [1] } });
  });

  it('lists only the clients with structs, as Yjs does (a section may declare none)', () => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 2); // sections
    for (const [structs, client] of [[0, 5], [1, 1]] as const) {
      encoding.writeVarUint(e, structs);
      encoding.writeVarUint(e, client);
      encoding.writeVarUint(e, 0); // clock
    }
    encoding.writeUint8(e, 0); // client 1's one struct: garbage-collected, of length 3
    encoding.writeVarUint(e, 3);
    encoding.writeVarUint(e, 0); // no deletions
    const update = encoding.toUint8Array(e);
    expect(inspectUpdate(update)).toEqual(decodedByYjs(update));
    expect(inspectUpdate(update)?.clients).toEqual([1]);
  });

  it('reads an update of 500,000 one-struct sections in one pass, every writer listed once', () => {
    const e = encoding.createEncoder();
    const writers = 500_000;
    encoding.writeVarUint(e, writers + 1);
    for (let i = 0; i <= writers; i++) {
      encoding.writeVarUint(e, 1); // one struct
      encoding.writeVarUint(e, i === writers ? 0 : i); // the last section repeats the first writer
      encoding.writeVarUint(e, 0);
      encoding.writeUint8(e, 0); // garbage-collected, of length 1
      encoding.writeVarUint(e, 1);
    }
    encoding.writeVarUint(e, 0);
    const update = encoding.toUint8Array(e);
    // Within the 4 MiB an update may have; checking each writer against the list so far took
    // minutes here (a quadratic pass a single message could ask for).
    expect(update.length).toBeLessThan(4 * 1024 * 1024);
    const shape = inspectUpdate(update);
    expect(shape?.clients).toHaveLength(writers);
    expect(shape?.clients.slice(0, 3)).toEqual([0, 1, 2]);
  });

  it('fails at the first missing byte of a huge declared count, without allocating it', () => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 2 ** 31); // structs declared
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 0);
    expect(inspectUpdate(encoding.toUint8Array(e))).toBeNull();
  });
});
