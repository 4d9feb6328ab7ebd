/**
 * Client-id bindings an update introduced, waiting to be synced with the update itself: the
 * client-id check hands them to the persistence, which awaits them beside its append before the
 * update is applied and acknowledged. Keyed by the update's payload (one object per message).
 */
const pending = new WeakMap<Uint8Array, Promise<void>>();

/** Records that `payload` may be acknowledged only once `written` has settled. */
export function holdUntilWritten(payload: Uint8Array, written: Promise<void>): void {
  pending.set(payload, written);
}

/** The bindings `payload` waits for (undefined when there are none); forgets them. */
export function bindingsOf(payload: Uint8Array): Promise<void> | undefined {
  const written = pending.get(payload);
  if (written) pending.delete(payload);
  return written;
}
