import { HocuspocusProvider } from '@hocuspocus/provider';

/**
 * The provider of a session's document, which tells this person's own unacknowledged edits
 * (`unsyncedEdits`) from the handshake. Hocuspocus counts every (re)connect's sync request as one
 * unacknowledged change (`unsyncedChanges` is 1 from the handshake until the server answers the
 * reply to its own request), so the badge said 已连接 · 保存中… with nothing typed: on a first
 * visit of a large document for ~100–150 ms after the document had loaded. Acknowledgements
 * are not labelled: while the handshake's is outstanding, one of the outstanding messages is taken
 * to be it. An edit sent after the handshake's reply may so count as acknowledged one answer early,
 * a few milliseconds; the browser copy's pending changes (counted apart, and shown as 保存中… too)
 * still hold it until the server has acknowledged everything.
 */
export class SessionProvider extends HocuspocusProvider {
  /** The handshake's sync request is among the unacknowledged messages. */
  #handshake = false;

  override startSync(): void {
    this.#handshake = true;
    super.startSync();
  }

  override forceSync(): void {
    this.#handshake = true;
    super.forceSync();
  }

  override decrementUnsyncedChanges(): void {
    // The last acknowledgement outstanding: whatever was sent is acknowledged, the handshake too.
    if (this.unsyncedChanges <= 1) this.#handshake = false;
    super.decrementUnsyncedChanges();
  }

  /** This tab's edits the server has not acknowledged yet: the unacknowledged messages but the handshake's own. */
  get unsyncedEdits(): number {
    return Math.max(0, this.unsyncedChanges - (this.#handshake ? 1 : 0));
  }
}
