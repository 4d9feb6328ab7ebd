import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { SYNC_STEP1, SYNC_STEP2, SYNC_UPDATE } from '../extensions/update-gate-extension.ts';

// Hocuspocus' message types a client may send (`MessageType` in @hocuspocus/common).
const SYNC = 0;
const AWARENESS = 1;
const AUTH = 2;
const QUERY_AWARENESS = 3;
const STATELESS = 5;
const CLOSE = 7;

/**
 * Whether a client frame has the shape of a message Hocuspocus can read without throwing: a
 * UTF-8 document address, a type a client may send, and that type's fields within the frame.
 * Hocuspocus answers a frame it cannot decode by logging a stack trace and resetting the
 * socket; checked here first, a malformed frame costs one short log line instead. Update
 * payloads are only framed here: their content is inspected by the socket guard before apply.
 */
export function isWellFormedFrame(frame: Uint8Array): boolean {
  try {
    const d = decoding.createDecoder(frame);
    decoding.readVarString(d);
    switch (decoding.readVarUint(d)) {
      case SYNC: {
        const step = decoding.readVarUint(d);
        const payload = decoding.readVarUint8Array(d);
        if (step === SYNC_STEP1) Y.decodeStateVector(payload);
        return step <= SYNC_UPDATE;
      }
      case AWARENESS:
        return isAwarenessUpdate(decoding.readVarUint8Array(d));
      case AUTH:
        decoding.readVarUint(d);
        decoding.readVarString(d);
        if (decoding.hasContent(d)) decoding.readVarString(d);
        return true;
      case STATELESS:
        decoding.readVarString(d);
        return true;
      case QUERY_AWARENESS:
      case CLOSE:
        return true;
      default:
        return false;
    }
  } catch {
    return false;
  }
}

/** Whether a client frame is a sync message that brings content (SyncStep2 or Update); false for anything else or unreadable. */
export function isContentFrame(frame: Uint8Array): boolean {
  try {
    const d = decoding.createDecoder(frame);
    decoding.readVarString(d);
    if (decoding.readVarUint(d) !== SYNC) return false;
    const step = decoding.readVarUint(d);
    return step === SYNC_STEP2 || step === SYNC_UPDATE;
  } catch {
    return false;
  }
}

/** y-protocols' awareness encoding: a count, then client id, clock and JSON state for each. */
function isAwarenessUpdate(update: Uint8Array): boolean {
  const d = decoding.createDecoder(update);
  const count = decoding.readVarUint(d);
  for (let i = 0; i < count; i++) {
    decoding.readVarUint(d);
    decoding.readVarUint(d);
    JSON.parse(decoding.readVarString(d));
  }
  return true;
}
