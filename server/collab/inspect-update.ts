import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

/** What a decoded client update adds, for the size checks made before it is applied. */
export interface UpdateShape {
  /** Characters of text the update inserts (all strings together). */
  insertedChars: number;
  /** The Yjs client ids whose structs the update carries. */
  clients: number[];
}

// The guards of one message run one after the other on the same payload object: the last
// decode is kept, so it is decoded once, not per guard (a WeakMap cost more than the decode's
// own reuse saves on the edit path). Another message in between only costs a second decode; the
// last payload stays referenced until the next one (at most one update, bounded by maxUpdateBytes).
let last: { update: Uint8Array; shape: UpdateShape | null } | undefined;

/**
 * Reads an update without applying it, or returns null when Yjs could not decode it (truncated
 * or malformed). A declared count of millions of structs is never allocated up front: the reader
 * fails at the first missing byte.
 */
export function inspectUpdate(update: Uint8Array): UpdateShape | null {
  if (last?.update !== update) last = { update, shape: scan(update) };
  return last.shape;
}

// The bits of a struct's info byte (Yjs' struct encoding, v1).
const CONTENT_REF = 0b11111;
const HAS_PARENT_SUB = 1 << 5;
const HAS_RIGHT_ORIGIN = 1 << 6;
const HAS_ORIGIN = 1 << 7;
const SKIP = 10;

/**
 * One pass over the update in the order Yjs' own reader takes (`decodeUpdate`: its lazy struct
 * reader, then the delete set), with Yjs' own field decoder (`UpdateDecoderV1`), so it accepts
 * exactly what Yjs accepts; it builds no structs, which was most of an edit's decode (issue 15).
 * test/server/inspect-update.test.ts holds it to `Y.decodeUpdate` on valid and damaged updates.
 */
function scan(update: Uint8Array): UpdateShape | null {
  try {
    const decoder = new Y.UpdateDecoderV1(decoding.createDecoder(update));
    const rest = decoder.restDecoder;
    const clients: number[] = [];
    // Up to a few writers (the usual update) a list; past that a set, so an update of hundreds of
    // thousands of one-struct sections costs one pass, not a pass per section.
    let seen: Set<number> | undefined;
    let insertedChars = 0;
    const sections = decoding.readVarUint(rest);
    for (let s = 0; s < sections; s++) {
      const structs = decoding.readVarUint(rest);
      const client = decoder.readClient();
      decoding.readVarUint(rest); // the first struct's clock
      if (structs > 0 && !(seen ? seen.has(client) : clients.includes(client))) {
        clients.push(client);
        if (seen) seen.add(client);
        else if (clients.length > 16) seen = new Set(clients);
      }
      for (let i = 0; i < structs; i++) {
        const info = decoder.readInfo();
        if (info === SKIP) decoding.readVarUint(rest);
        else if ((info & CONTENT_REF) === 0) decoder.readLen(); // GC
        else {
          const copiesParent = (info & (HAS_ORIGIN | HAS_RIGHT_ORIGIN)) !== 0;
          if (info & HAS_ORIGIN) decoder.readLeftID();
          if (info & HAS_RIGHT_ORIGIN) decoder.readRightID();
          if (!copiesParent) {
            if (decoder.readParentInfo()) decoder.readString();
            else decoder.readLeftID();
            if (info & HAS_PARENT_SUB) decoder.readString();
          }
          insertedChars += readContent(decoder, info & CONTENT_REF);
        }
      }
    }
    const deleting = decoding.readVarUint(rest);
    for (let c = 0; c < deleting; c++) {
      decoding.readVarUint(rest); // client
      const ranges = decoding.readVarUint(rest);
      for (let r = 0; r < ranges; r++) {
        decoder.readDsClock();
        decoder.readDsLen();
      }
    }
    return { insertedChars, clients };
  } catch {
    return null;
  }
}

/** Reads one item's content as Yjs' `readItemContent` would; returns the characters of text it inserts. */
function readContent(decoder: Y.UpdateDecoderV1, ref: number): number {
  switch (ref) {
    case 1: // deleted
      decoder.readLen();
      return 0;
    case 2: {
      // JSON: Yjs parses each entry
      const n = decoder.readLen();
      for (let i = 0; i < n; i++) {
        const json = decoder.readString();
        if (json !== 'undefined') JSON.parse(json);
      }
      return 0;
    }
    case 3: // binary
      decoding.readVarUint8Array(decoder.restDecoder);
      return 0;
    case 4: // string
      return decoder.readString().length;
    case 5: // embed
      decoder.readJSON();
      return 0;
    case 6: // format
      decoder.readKey();
      decoder.readJSON();
      return 0;
    case 7: {
      // a type: XML elements and hooks carry their name; Yjs knows seven kinds
      const kind = decoder.readTypeRef();
      if (kind === 3 || kind === 5) decoder.readKey();
      else if (kind > 6) throw new Error('unknown type');
      return 0;
    }
    case 8: {
      // any
      const n = decoder.readLen();
      for (let i = 0; i < n; i++) decoder.readAny();
      return 0;
    }
    case 9: {
      // a subdocument: Yjs reads its options' fields, so they must be there
      decoder.readString();
      const options: unknown = decoder.readAny();
      if (options === null || options === undefined) throw new Error('subdocument without options');
      return 0;
    }
    default:
      throw new Error(`unknown content ${ref}`);
  }
}
