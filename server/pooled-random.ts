import { randomFillSync, webcrypto } from 'node:crypto';

/** Random bytes drawn from the operating system at a time. */
const POOL_BYTES = 4_096;
/** Larger requests go to Node directly. */
const POOLED_MAX_BYTES = 256;

type IntegerArray = Int8Array | Uint8Array | Uint8ClampedArray | Int16Array | Uint16Array | Int32Array | Uint32Array | BigInt64Array | BigUint64Array;
// lib0's requests (a Uint32Array of one, eight) come first: checked on every call.
const INTEGER_ARRAYS = [Uint32Array, Uint8Array, Int32Array, Uint16Array, Int16Array, Int8Array, Uint8ClampedArray, BigInt64Array, BigUint64Array];

/**
 * Makes `crypto.getRandomValues` answer small requests from a pool of random bytes that is
 * refilled from the operating system 4 KiB at a time, as Node's own `crypto.randomUUID` does;
 * every byte is handed out once. Larger requests and anything unusual go to Node unchanged.
 *
 * Why: lib0 (under Yjs) asks for one random number at a time, and a Y.Doc's guid takes 31 of
 * them; Node 24 answers each call in 4–5 µs, so creating a Y.Doc cost ~140 µs. Hocuspocus
 * decodes every awareness message into a scratch Y.Doc and Awareness (~235 µs together), and
 * every open editor renews its presence every 15 s: at 1,000 open documents × 2 editors that
 * was 16% of the server's main thread while people typed (bench README, thirteenth pass).
 *
 * lib0 binds `getRandomValues` when it is first imported, so this must run before anything
 * imports Yjs (server/main.ts runs it first and loads the server after). Idempotent.
 */
export function installPooledRandomValues(target: Crypto = webcrypto as Crypto): void {
  const current = target.getRandomValues as { pooled?: true };
  if (current.pooled) return;
  const direct = target.getRandomValues.bind(target) as <T>(array: T) => T;
  const pool = new Uint8Array(POOL_BYTES);
  let next = POOL_BYTES;
  const pooledGetRandomValues = <T extends ArrayBufferView | null>(array: T): T => {
    if (!INTEGER_ARRAYS.some((Type) => array instanceof Type) || (array as IntegerArray).byteLength > POOLED_MAX_BYTES) return direct(array);
    const view = array as IntegerArray;
    const n = view.byteLength;
    if (next + n > POOL_BYTES) {
      randomFillSync(pool);
      next = 0;
    }
    new Uint8Array(view.buffer, view.byteOffset, n).set(pool.subarray(next, next + n));
    // Handed out: not kept in memory any longer than it has to be.
    pool.fill(0, next, next + n);
    next += n;
    return array;
  };
  Object.defineProperty(pooledGetRandomValues, 'pooled', { value: true });
  Object.defineProperty(target, 'getRandomValues', { value: pooledGetRandomValues, configurable: true, writable: true, enumerable: false });
}
